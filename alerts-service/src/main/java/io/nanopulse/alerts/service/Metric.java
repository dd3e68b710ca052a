package io.nanopulse.alerts.service;

import java.util.Arrays;
import java.util.Optional;

/** What a rule watches, named as in the metrics-service figures API. */
public enum Metric {
    SHARE("share", true),
    FILINGS("filings", false),
    LICENSING_RATE("licensingRate", true),
    GRANTS("grants", false);

    private final String apiName;
    private final boolean ratio;

    Metric(String apiName, boolean ratio) {
        this.apiName = apiName;
        this.ratio = ratio;
    }

    public String apiName() {
        return apiName;
    }

    /** Ratios live in [0,1]; counts are non-negative. */
    public boolean isRatio() {
        return ratio;
    }

    public static Optional<Metric> fromApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }
}
