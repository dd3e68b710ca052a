package io.nanopulse.metrics.persistence;

import io.nanopulse.metrics.application.AggregateLock;
import io.nanopulse.metrics.application.AggregatesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The aggregate lock as a transaction-scoped PostgreSQL advisory lock, and the alias version as the one row
 * of {@code alias_version}. Every writer of aggregates takes this lock, so it is also where they announce
 * {@link AggregatesChanged}.
 */
@ApplicationScoped
public class PgAggregateLock implements AggregateLock {
    private static final long KEY = 0x6e616e6f70L; // "nanop"

    @Inject
    DataSource dataSource;
    @Inject
    Event<AggregatesChanged> changed;

    @Override
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

    @Override
    public void sharedUnchanged() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock_shared(" + KEY + ")");
        }
    }

    @Override
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
