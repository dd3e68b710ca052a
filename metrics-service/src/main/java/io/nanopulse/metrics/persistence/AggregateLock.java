package io.nanopulse.metrics.persistence;

import io.nanopulse.metrics.service.AggregatesChanged;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A transaction-scoped PostgreSQL advisory lock: batches take it shared (they run side by side),
 * rebuilds and alias changes take it exclusive, so a re-aggregation never interleaves with a batch.
 * Also reads the alias version, so instances notice alias changes made by another instance. Every writer of
 * aggregates takes this lock, so it is also where they announce {@link AggregatesChanged} (cached query
 * results observe it once the transaction commits).
 */
@ApplicationScoped
public class AggregateLock {
    private static final long KEY = 0x6e616e6f70L; // "nanop"

    @Inject
    DataSource dataSource;
    @Inject
    Event<AggregatesChanged> changed;

    /** Takes the shared lock and returns the current alias version. */
    public long shared() throws SQLException {
        changed.fire(new AggregatesChanged());
        sharedUnchanged();
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT version FROM alias_version WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Takes the shared lock for a writer that changes no figure (the counter fold only moves rows). */
    public void sharedUnchanged() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock_shared(" + KEY + ")");
        }
    }

    /** Takes the exclusive lock and bumps the alias version. */
    public long exclusive() throws SQLException {
        changed.fire(new AggregatesChanged());
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
            try (var rs = st.executeQuery("UPDATE alias_version SET version = version + 1 WHERE id = 1 RETURNING version")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
