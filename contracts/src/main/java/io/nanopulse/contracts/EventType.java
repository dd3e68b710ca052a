package io.nanopulse.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types of contract v1 and the CloudEvents {@code type} each maps to. The two retractions are written
 * only by ingest-service's admin endpoint, never accepted from clients' event uploads.
 */
public enum EventType {
    PATENT_FILED("io.nanopulse.patent.filed"),
    PATENT_GRANTED("io.nanopulse.patent.granted"),
    PATENT_LICENSED("io.nanopulse.patent.licensed"),
    PATENT_TRANSFERRED("io.nanopulse.patent.transferred"),
    PATENT_RETRACTED("io.nanopulse.patent.retracted"),
    DEAL_RETRACTED("io.nanopulse.patent.deal.retracted");

    private final String cloudEventType;

    EventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** Licences and transfers are both "deals": either makes a patent count as licensed. */
    public boolean isDeal() {
        return this == PATENT_LICENSED || this == PATENT_TRANSFERRED;
    }

    /** An admin's retraction of a patent or of one deal: not an event clients may send. */
    public boolean isRetraction() {
        return this == PATENT_RETRACTED || this == DEAL_RETRACTED;
    }

    public static Optional<EventType> parse(String name) {
        // Runs for every event read (ingest and metrics): a loop, not a stream.
        for (EventType t : VALUES) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static final EventType[] VALUES = values();

    public static Optional<EventType> fromCloudEventType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(ceType)).findFirst();
    }
}
