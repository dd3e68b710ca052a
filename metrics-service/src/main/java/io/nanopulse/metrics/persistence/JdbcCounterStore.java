package io.nanopulse.metrics.persistence;

import io.nanopulse.metrics.application.CounterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code counter_delta}, the rows batches append, folded into {@code filing_counter}: one statement deletes
 * every committed delta and adds their sums per counter.
 */
@ApplicationScoped
public class JdbcCounterStore implements CounterStore {
    /** The advisory lock a fold holds (transaction-scoped); while anyone holds it, folds skip. */
    public static final long LOCK_KEY = 0x6e616e6f66L; // "nanof"
    /**
     * Memory a fold may group deltas in, so that a large fold (deltas piled up while folds could not run, or from
     * before a restart) is grouped in memory; at PostgreSQL's default it is sorted on disk, the planner sizing
     * rows by the subject column's declared width.
     */
    private static final String FOLD_WORK_MEM = "64MB";

    @Inject
    DataSource dataSource;

    @Override
    public boolean tryFoldLock() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public int foldDeltas() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SET LOCAL work_mem = '" + FOLD_WORK_MEM + "'");
            return st.executeUpdate("""
                    WITH folded AS (DELETE FROM counter_delta RETURNING *)
                    INSERT INTO filing_counter AS c (kind, grain, subject, period, filings, licensed, granted)
                    SELECT kind, grain, subject, period, sum(filings), sum(licensed), sum(granted)
                    FROM folded GROUP BY kind, grain, subject, period
                    ON CONFLICT (kind, grain, subject, period) DO UPDATE
                    SET filings = c.filings + excluded.filings,
                        licensed = c.licensed + excluded.licensed,
                        granted = c.granted + excluded.granted""");
        }
    }

    /**
     * Reclaims the deleted delta rows no open transaction can still see (about the folds before this one, since a
     * batch is nearly always open). No truncation: that step locks the table exclusively (blocking batches and
     * readers), and the emptied pages are refilled anyway.
     */
    @Override
    public void vacuumDeltas() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("VACUUM (TRUNCATE false) counter_delta");
        }
    }
}
