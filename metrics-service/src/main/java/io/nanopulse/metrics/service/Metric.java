package io.nanopulse.metrics.service;

import io.nanopulse.metrics.persistence.FiguresRepository;

import java.util.Arrays;

/** What a ranking orders by (descending, ties by subject key); the database does the ordering. */
public enum Metric {
    FILINGS("filings", FiguresRepository.Order.FILINGS),
    SHARE("share", FiguresRepository.Order.FILINGS),
    GRANTS("grants", FiguresRepository.Order.GRANTS),
    LICENSING_RATE("licensingRate", FiguresRepository.Order.LICENSING_RATE);

    private final String apiName;
    private final FiguresRepository.Order order;

    Metric(String apiName, FiguresRepository.Order order) {
        this.apiName = apiName;
        this.order = order;
    }

    public String apiName() {
        return apiName;
    }

    public FiguresRepository.Order order() {
        return order;
    }

    public static Metric parse(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "unknown metric '" + name + "'; use filings, share, grants or licensingRate"));
    }
}
