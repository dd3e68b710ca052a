package io.nanopulse.metrics.application;

import io.nanopulse.metrics.domain.InstitutionResolver;

import java.sql.SQLException;

/**
 * Port: whole-table recomputations, in the caller's transaction (which holds the exclusive aggregate lock):
 * re-resolving every patent's holder after an alias change, and recomputing the counters from the patents.
 */
public interface AggregateStore {
    /** Re-resolves every stored institution name (each patent's holder); returns the patents that moved. */
    int reassignInstitutions(InstitutionResolver resolver) throws SQLException;

    /** Recomputes every counter of every kind that keeps counters from the stored patents. */
    void rebuildCounters() throws SQLException;
}
