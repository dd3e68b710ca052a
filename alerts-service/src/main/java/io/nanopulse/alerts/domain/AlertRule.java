package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A rule of one owner, notifying one subscriber; its state is a {@link RuleState}. The revision
 * grows with every edit, so a value read for an older revision is never applied.
 */
public record AlertRule(UUID id, String owner, UUID subscriberId, RuleDefinition definition, int revision,
                        Instant createdAt, Instant updatedAt) {

    public static AlertRule create(String owner, UUID subscriberId, RuleDefinition definition, Instant now) {
        return new AlertRule(UUID.randomUUID(), owner, subscriberId, definition, 1, now, now);
    }

    /** The rule replaced by a new definition, as its next revision. */
    public AlertRule revised(UUID newSubscriberId, RuleDefinition newDefinition, Instant now) {
        return new AlertRule(id, owner, newSubscriberId, newDefinition, revision + 1, createdAt, now);
    }

    /** A THRESHOLD rule's thresholds; null for other kinds. */
    public Thresholds thresholds() {
        return definition.thresholds();
    }

    /** What evaluating this rule needs. */
    public RuleTarget target() {
        return new RuleTarget(id, revision, definition);
    }
}
