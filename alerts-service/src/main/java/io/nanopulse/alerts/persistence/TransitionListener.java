package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.NotificationHub;
import io.nanopulse.alerts.config.AlertsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Feeds {@link NotificationHub} with the transitions every instance announces: one dedicated PostgreSQL
 * session (outside the pool) LISTENs on {@link TransitionChannel#NAME}, receives the NOTIFYs in commit
 * order, loads the notifications of the subscribers this instance's clients follow, and publishes them in
 * that order. On a lost connection it tells the hub (open streams end, readiness is DOWN), logs once per
 * outage and connects again with a doubling backoff.
 */
@ApplicationScoped
public class TransitionListener {
    private static final Logger LOG = Logger.getLogger(TransitionListener.class);
    private static final int POLL_MILLIS = 500;
    /** A session quiet for this long is probed, so a half-open connection is noticed. */
    private static final long PROBE_AFTER_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    @Inject
    NotificationHub hub;

    @Inject
    AlertsConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    void onStart(@Observes StartupEvent e) {
        running = true;
        thread = new Thread(this::run, "alerts-stream-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent e) throws InterruptedException {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // ends a wait for notifications at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt(); // ends a backoff sleep
        thread.join(5_000);
    }

    private void run() {
        Duration initial = config.stream().reconnectBackoff();
        Duration backoff = initial;
        Instant lostAt = null;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + TransitionChannel.NAME);
                }
                hub.listening(true);
                if (lostAt != null) {
                    LOG.infof("stream listener listening again after %d s", Duration.between(lostAt, Instant.now()).toSeconds());
                    lostAt = null;
                }
                backoff = initial;
                receive(c);
            } catch (SQLException | RuntimeException ex) {
                hub.listening(false);
                if (!running) {
                    break;
                }
                if (lostAt == null) {
                    lostAt = Instant.now();
                    LOG.warnf("stream listener cannot listen on PostgreSQL (%s): this instance's streams are ended and "
                            + "readiness is DOWN until it listens again; retrying", ex.toString());
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = min(backoff.multipliedBy(2), config.stream().maxReconnectBackoff());
            } finally {
                connection = null;
            }
        }
        hub.listening(false);
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "alerts-stream-listener");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "10");
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("quarkus.datasource.jdbc.url is not a PostgreSQL JDBC URL");
        }
        return c;
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] got = pg.getNotifications(POLL_MILLIS);
            if (got != null && got.length > 0) {
                deliver(c, got);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > PROBE_AFTER_NANOS) {
                if (!c.isValid(PROBE_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening session stopped answering");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void deliver(Connection c, PGNotification[] got) throws SQLException {
        List<TransitionChannel.Announced> followed = new ArrayList<>();
        for (PGNotification n : got) {
            if (TransitionChannel.NAME.equals(n.getName())) {
                TransitionChannel.parse(n.getParameter()).filter(a -> hub.follows(a.subscriberId())).ifPresent(followed::add);
            }
        }
        if (followed.isEmpty()) {
            return;
        }
        Map<UUID, String> notifications = load(c, followed);
        for (TransitionChannel.Announced a : followed) {
            String json = notifications.get(a.transitionId());
            if (json != null) { // null: its rule was deleted since
                hub.publish(a.subscriberId(), json);
            }
        }
    }

    private static Map<UUID, String> load(Connection c, List<TransitionChannel.Announced> announced) throws SQLException {
        Object[] ids = announced.stream().map(TransitionChannel.Announced::transitionId).toArray();
        Map<UUID, String> byId = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, notification FROM alert_transition WHERE id = ANY(?) AND notification IS NOT NULL")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return byId;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
