package io.nanopulse.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of a {@code metric-changes} CloudEvent, published by metrics-service after each applied batch.
 *
 * <p>It names every subject whose counters moved and the span of filing days touched. Because every
 * filing moves the global denominator, {@code globalChanged} tells consumers that every share in a
 * window overlapping {@code [fromDay, toDay]} may have moved, even for subjects not listed. Consumers
 * fetch current values from the metrics query API; the event itself is the trigger, not the value.
 */
public record MetricChange(
        String changeId,
        Instant appliedAt,
        int eventsApplied,
        boolean globalChanged,
        LocalDate fromDay,
        LocalDate toDay,
        List<Subject> subjects) {

    public record Subject(SubjectKind kind, String key) {
    }
}
