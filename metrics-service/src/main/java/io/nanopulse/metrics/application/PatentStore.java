package io.nanopulse.metrics.application;

import io.nanopulse.metrics.domain.CounterDeltas;
import io.nanopulse.metrics.domain.PatentState;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Port: batch reads and writes of patents, counter deltas and progress, in the caller's transaction. */
public interface PatentStore {
    /**
     * Locks the stored rows of these patents, in patent id order, and returns their states. Patents not stored
     * yet are absent; {@link #saveStates} inserts them and fails if another instance did first.
     */
    Map<String, PatentState> lockStates(Collection<String> patentIds) throws SQLException;

    /**
     * Writes changed states: those whose patent id is in {@code known} update stored rows, the others are
     * inserted. Fails (rolling the batch back) if a "new" patent was stored meanwhile, so a retry locks and
     * re-reads it.
     */
    void saveStates(Collection<PatentState> states, Set<String> known) throws SQLException;

    /** Appends the batch's counter deltas for a later fold; returns the delta rows written. */
    long addCounters(CounterDeltas deltas) throws SQLException;

    /** Records the batch in the running totals operators read. */
    void recordProgress(int applied, int effective, int deadLettered) throws SQLException;
}
