package io.nanopulse.metrics.application;

/**
 * The applied-events counter alone ({@code GET /metrics/progress/applied}): what each batch commits with its
 * effects, read from one row, cheap enough to poll while a backlog drains.
 */
public record AppliedEvents(long eventsApplied, long eventsWithEffect, long deadLettered, String lastAppliedAt) {
}
