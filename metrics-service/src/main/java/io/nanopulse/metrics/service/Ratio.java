package io.nanopulse.metrics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact fraction and its decimal value (10 places, half-even); value is null when denominator is 0. */
public record Ratio(long numerator, long denominator, BigDecimal value) {
    public static Ratio of(long numerator, long denominator) {
        BigDecimal value = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return new Ratio(numerator, denominator, value);
    }
}
