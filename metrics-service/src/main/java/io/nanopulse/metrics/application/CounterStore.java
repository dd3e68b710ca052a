package io.nanopulse.metrics.application;

import java.sql.SQLException;

/** Port: the counter deltas batches append, and their fold into the counters. */
public interface CounterStore {
    /** Takes the fold lock for the caller's transaction if no one holds it; false if another fold runs. */
    boolean tryFoldLock() throws SQLException;

    /**
     * Moves every committed delta into the counters in one statement (readers sum both, so each delta counts
     * exactly once, before or after); returns the counter rows written. In the caller's transaction.
     */
    int foldDeltas() throws SQLException;

    /** Reclaims the space of folded deltas at once; outside any transaction. */
    void vacuumDeltas() throws SQLException;
}
