package io.nanopulse.metrics.service;

import java.util.Arrays;
import java.util.Comparator;

/** What a ranking orders by. */
public enum Metric {
    FILINGS("filings", Comparator.comparingLong(Figures::filings)),
    SHARE("share", Comparator.comparingLong(Figures::filings)),
    GRANTS("grants", Comparator.comparingLong(Figures::grants)),
    LICENSING_RATE("licensingRate", Comparator.comparing(
            (Figures f) -> f.licensingRate().value() == null ? java.math.BigDecimal.valueOf(-1) : f.licensingRate().value())
            .thenComparingLong(Figures::filings));

    private final String apiName;
    private final Comparator<Figures> order;

    Metric(String apiName, Comparator<Figures> order) {
        this.apiName = apiName;
        this.order = order;
    }

    public String apiName() {
        return apiName;
    }

    /** Descending, ties broken by subject key so rankings are stable. */
    public Comparator<Figures> descending() {
        return order.reversed().thenComparing(f -> f.subject().key());
    }

    public static Metric parse(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "unknown metric '" + name + "'; use filings, share, grants or licensingRate"));
    }
}
