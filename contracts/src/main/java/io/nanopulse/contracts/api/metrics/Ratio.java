package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact fraction and its decimal value (10 places, half-even, trailing zeros dropped); {@code value} is null
 * when the denominator is 0.
 */
@Schema(name = "Ratio", description = "numerator / denominator; value is null when the denominator is 0.")
public record Ratio(@Schema(examples = "123") long numerator,
                    @Schema(examples = "456") long denominator,
                    @Schema(examples = "0.26973684", nullable = true) BigDecimal value) {

    public static Ratio of(long numerator, long denominator) {
        BigDecimal value = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return new Ratio(numerator, denominator, value);
    }
}
