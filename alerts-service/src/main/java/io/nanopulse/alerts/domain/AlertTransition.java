package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded step of a rule's state machine, announced or muted; {@code seq} numbers the steps of a rule.
 *
 * @param threshold  the threshold the step crossed (the recovery threshold for a resolution, when set)
 * @param silencedBy the silence that muted this transition; null when it was announced or needs no announcement
 */
public record AlertTransition(UUID id, UUID ruleId, UUID subscriberId, long seq, TransitionKind kind,
                              AlertState from, AlertState to, Double value, double threshold, UUID silencedBy,
                              Instant occurredAt) {

    public AlertTransition silencedBy(UUID silenceId) {
        return new AlertTransition(id, ruleId, subscriberId, seq, kind, from, to, value, threshold, silenceId, occurredAt);
    }
}
