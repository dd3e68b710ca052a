package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded step of a rule's state machine, announced or muted; {@code seq} numbers the steps of a rule.
 *
 * @param value       what the step compared (see {@link Verdict#value()})
 * @param threshold   the threshold the step crossed (the recovery threshold for a resolution, when set)
 * @param silencedBy  the silence that muted this transition; null when it was announced or needs no announcement
 * @param measurement what the evaluation measured (null on transitions recorded without it)
 */
public record AlertTransition(UUID id, UUID ruleId, UUID subscriberId, long seq, TransitionKind kind,
                              AlertState from, AlertState to, Double value, double threshold, UUID silencedBy,
                              Instant occurredAt, Measurement measurement) {

    public AlertTransition(UUID id, UUID ruleId, UUID subscriberId, long seq, TransitionKind kind, AlertState from,
                           AlertState to, Double value, double threshold, UUID silencedBy, Instant occurredAt) {
        this(id, ruleId, subscriberId, seq, kind, from, to, value, threshold, silencedBy, occurredAt, null);
    }

    public AlertTransition silencedBy(UUID silenceId) {
        return new AlertTransition(id, ruleId, subscriberId, seq, kind, from, to, value, threshold, silenceId, occurredAt,
                measurement);
    }
}
