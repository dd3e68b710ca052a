package io.nanopulse.metrics.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;

/**
 * Moves the counter deltas batches appended into the counters, in one transaction, so readers (who sum both)
 * see each delta exactly once, before or after. One fold runs at a time across all instances.
 */
@ApplicationScoped
public class CounterFold {
    @Inject
    CounterStore counters;
    @Inject
    AggregateLock lock;

    /** Folds every committed delta; returns the counter rows written, or -1 if another fold was running. */
    @Transactional
    public int fold() throws SQLException {
        if (!counters.tryFoldLock()) {
            return -1;
        }
        lock.sharedUnchanged(); // a rebuild (exclusive) rewrites counters and deltas; never interleave with it
        return counters.foldDeltas();
    }

    /**
     * Reclaims the folded delta rows at once (outside any transaction), so the table readers scan stays small
     * under a back-fill instead of waiting for autovacuum.
     */
    public void vacuum() throws SQLException {
        counters.vacuumDeltas();
    }
}
