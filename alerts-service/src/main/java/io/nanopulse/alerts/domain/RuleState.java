package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable state machine of one rule, with the last value applied to it. Evaluations hold its row
 * lock while they {@linkplain #apply apply} a value, so exactly one of them records each transition.
 *
 * @param lastObservedAt  when the value applied last was read; a value read earlier is stale
 * @param transitionCount the sequence number of the last transition
 */
public record RuleState(UUID ruleId, AlertState state, Instant stateSince, Instant pendingSince, Double lastValue,
                        Instant lastObservedAt, Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount) {

    public static RuleState initial(UUID ruleId, Instant now) {
        return new RuleState(ruleId, AlertState.OK, now, null, null, null, null, null, 0);
    }

    public AlertStateMachine.Snapshot snapshot() {
        return new AlertStateMachine.Snapshot(state, pendingSince, lastNotifiedAt);
    }

    /** Whether a value read at {@code observedAt} is older than the one applied last. */
    public boolean isStale(Instant observedAt) {
        return lastObservedAt != null && observedAt.isBefore(lastObservedAt);
    }

    /** The state after applying a value, and the transition it recorded, if the state machine stepped. */
    public record Applied(RuleState state, Optional<AlertTransition> transition) {
    }

    /**
     * Applies {@code value}, read at {@code observedAt}, to this state under {@code rule}: the observation is
     * always recorded; when the state machine steps, the step is taken and numbered as the next transition.
     */
    public Applied apply(AlertRule rule, Double value, Instant observedAt, Instant now) {
        AlertStateMachine.Step step = AlertStateMachine.next(rule.thresholds(), snapshot(), value, now);
        if (!step.changed()) {
            return new Applied(new RuleState(ruleId, state, stateSince, pendingSince, value, observedAt, now,
                    lastNotifiedAt, transitionCount), Optional.empty());
        }
        Thresholds t = rule.thresholds();
        AlertTransition transition = new AlertTransition(UUID.randomUUID(), rule.id(), rule.subscriberId(),
                transitionCount + 1, step.kind(), state, step.state(), value,
                step.kind() == TransitionKind.RESOLVED && t.recoveryThreshold() != null ? t.recoveryThreshold() : t.threshold(),
                null, now);
        RuleState next = new RuleState(ruleId, step.state(), state != step.state() ? now : stateSince,
                step.pendingSince(), value, observedAt, now, step.lastNotifiedAt(), transition.seq());
        return new Applied(next, Optional.of(transition));
    }
}
