package io.nanopulse.contracts;

/** Kafka topic names of the platform; one writer per topic. */
public final class Topics {
    /** Written by ingest-service; key = patentId; CloudEvents binary mode. */
    public static final String PATENT_EVENTS = "patent-events";
    /** Written by metrics-service: records of patent-events it could not parse or validate. */
    public static final String PATENT_EVENTS_DLQ = "patent-events.dlq";
    /** Written by metrics-service after each applied batch. */
    public static final String METRIC_CHANGES = "metric-changes";

    /** CloudEvents source attribute of each producer. */
    public static final String INGEST_SOURCE = "/nanopulse/ingest-service";
    public static final String METRICS_SOURCE = "/nanopulse/metrics-service";
    public static final String METRIC_CHANGE_TYPE = "io.nanopulse.metrics.changed";

    private Topics() {
    }
}
