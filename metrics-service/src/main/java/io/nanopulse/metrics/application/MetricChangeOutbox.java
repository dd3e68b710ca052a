package io.nanopulse.metrics.application;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Port: the metric-changes outbox, written with a batch, claimed, sent and marked by the relay. */
public interface MetricChangeOutbox {
    /** An unsent change: its id, its JSON and the trace it continues. */
    record Pending(UUID changeId, String payload, String traceparent) {
    }

    /** Adds a change in the caller's transaction. */
    void add(UUID changeId, String payload, String traceparent) throws SQLException;

    /** Claims up to {@code limit} unsent changes, oldest first, skipping rows another relay holds. */
    List<Pending> claim(int limit) throws SQLException;

    void markSent(List<UUID> ids) throws SQLException;

    /** Deletes changes sent longer ago than {@code age}; returns how many. */
    int purgeSentBefore(Duration age) throws SQLException;
}
