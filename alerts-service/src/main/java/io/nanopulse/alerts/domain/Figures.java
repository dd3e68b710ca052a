package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;

/**
 * The figures of one subject that rules compare. A ratio is null when its denominator is 0 (no data).
 */
public record Figures(Long filings, Long grants, Double share, Double licensingRate) {

    /** The value a rule on {@code metric} compares; null means "no data". */
    public Double valueOf(Metric metric) {
        return switch (metric) {
            case SHARE -> share;
            case LICENSING_RATE -> licensingRate;
            case FILINGS -> filings == null ? null : filings.doubleValue();
            case GRANTS -> grants == null ? null : grants.doubleValue();
        };
    }
}
