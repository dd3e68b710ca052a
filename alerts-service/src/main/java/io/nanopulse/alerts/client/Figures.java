package io.nanopulse.alerts.client;

import io.nanopulse.alerts.service.Metric;

/** The part of a metrics-service figures object that rules read (unknown fields are ignored). */
public record Figures(Long filings, Long grants, Long licensed, Ratio share, Ratio licensingRate) {

    /** A ratio; {@code value} is null when the denominator is 0. */
    public record Ratio(Long numerator, Long denominator, Double value) {
    }

    /** The value a rule on {@code metric} compares; null means "no data". */
    public Double valueOf(Metric metric) {
        return switch (metric) {
            case SHARE -> share == null ? null : share.value();
            case LICENSING_RATE -> licensingRate == null ? null : licensingRate.value();
            case FILINGS -> filings == null ? null : filings.doubleValue();
            case GRANTS -> grants == null ? null : grants.doubleValue();
        };
    }
}
