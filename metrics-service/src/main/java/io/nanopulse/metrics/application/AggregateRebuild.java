package io.nanopulse.metrics.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;

/**
 * Recomputes every aggregate from the stored patents (an operator's action): every patent's holder is
 * re-resolved and every counter recomputed, in one transaction under the exclusive aggregate lock. The results
 * equal the incremental ones.
 */
@ApplicationScoped
public class AggregateRebuild {
    @Inject
    AggregateLock lock;
    @Inject
    AggregateStore aggregates;
    @Inject
    InstitutionDirectory directory;

    @Transactional
    public void rebuildAll() throws SQLException {
        lock.exclusive();
        aggregates.reassignInstitutions(directory.load());
        aggregates.rebuildCounters();
    }
}
