package io.nanopulse.metrics.application;

/** CDI event: a transaction that may change aggregates is under way (observed after it commits). */
public record AggregatesChanged() {
}
