package io.nanopulse.metrics.application;

/**
 * What this service has applied, for operators ({@code GET /metrics/progress}): events applied (redeliveries
 * included) and with an effect, records dead-lettered, when the last batch committed, filed and parked patents,
 * changes not yet relayed and counter delta rows not yet folded.
 */
public record Progress(long eventsApplied, long eventsWithEffect, long deadLettered, String lastAppliedAt, long patents,
                       long parked, long unpublishedChanges, long unfoldedCounterDeltas) {
}
