package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;

/**
 * The figures of one subject that rules compare. A ratio is null when its denominator is 0 (no data).
 * {@code counts}, the exact counts behind them (and the subject's members), explain a notification; null when unknown.
 */
public record Figures(Long filings, Long grants, Double share, Double licensingRate, FigureCounts counts) {

    /** Figures without their counts (no explanation can be made of them). */
    public Figures(Long filings, Long grants, Double share, Double licensingRate) {
        this(filings, grants, share, licensingRate, null);
    }

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
