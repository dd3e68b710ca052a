package io.nanopulse.metrics.persistence;

import io.nanopulse.metrics.application.MetricChangeOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The metric-changes outbox as the table {@code metric_change_outbox}; every call runs in the caller's transaction. */
@ApplicationScoped
public class JdbcMetricChangeOutbox implements MetricChangeOutbox {
    @Inject
    DataSource dataSource;

    @Override
    public void add(UUID changeId, String payload, String traceparent) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("INSERT INTO metric_change_outbox (change_id, payload, traceparent) VALUES (?, ?, ?)")) {
            st.setObject(1, changeId);
            st.setString(2, payload);
            st.setString(3, traceparent);
            st.executeUpdate();
        }
    }

    /** SKIP LOCKED lets several instances relay side by side. */
    @Override
    public List<Pending> claim(int limit) throws SQLException {
        var out = new ArrayList<Pending>();
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("SELECT change_id, payload, traceparent FROM metric_change_outbox WHERE published_at IS NULL"
                     + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            st.setInt(1, limit);
            try (var rs = st.executeQuery()) {
                while (rs.next()) out.add(new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    @Override
    public void markSent(List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("UPDATE metric_change_outbox SET published_at = now() WHERE change_id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            st.executeUpdate();
        }
    }

    @Override
    public int purgeSentBefore(Duration age) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("DELETE FROM metric_change_outbox WHERE published_at < now() - ?::interval")) {
            st.setString(1, age.toSeconds() + " seconds");
            return st.executeUpdate();
        }
    }
}
