package io.nanopulse.alerts.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL channel that tells every instance about announced transitions. A NOTIFY is sent in the
 * transition's transaction, so listeners receive it only once it commits, in commit order. The payload is
 * small ({@code <transitionId>,<subscriberId>}, far below NOTIFY's 8000 bytes); the notification itself is
 * the transition row's {@code notification} column.
 */
final class TransitionChannel {
    static final String NAME = "alert_transition";

    record Announced(UUID transitionId, UUID subscriberId) {
    }

    private TransitionChannel() {
    }

    /** Queues the NOTIFY in {@code connection}'s current transaction. */
    static void notify(Connection connection, UUID transitionId, UUID subscriberId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, NAME);
            s.setString(2, transitionId + "," + subscriberId);
            s.execute();
        }
    }

    /** The transition a payload names; empty for a payload this channel never sends. */
    static Optional<Announced> parse(String payload) {
        int comma = payload == null ? -1 : payload.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Announced(UUID.fromString(payload.substring(0, comma)),
                    UUID.fromString(payload.substring(comma + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
