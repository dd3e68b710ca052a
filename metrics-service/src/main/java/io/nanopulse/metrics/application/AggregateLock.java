package io.nanopulse.metrics.application;

import java.sql.SQLException;

/**
 * Port: the lock every writer of aggregates takes in its transaction (released when it ends). Batches take it
 * shared (they run side by side); rebuilds and alias changes take it exclusive, so a re-aggregation never
 * interleaves with a batch. Taking it also reads the alias version, so instances notice alias changes made by
 * another instance, and announces {@link AggregatesChanged} (cached query results observe it once the
 * transaction commits).
 */
public interface AggregateLock {
    /** Takes the shared lock and returns the current alias version. */
    long shared() throws SQLException;

    /** Takes the shared lock for a writer that changes no figure (the counter fold only moves rows). */
    void sharedUnchanged() throws SQLException;

    /** Takes the exclusive lock and bumps the alias version; returns the new version. */
    long exclusive() throws SQLException;
}
