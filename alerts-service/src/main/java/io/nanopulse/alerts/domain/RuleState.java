package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable state machine of one rule, with the last value applied to it. Evaluations hold its row
 * lock while they {@linkplain #apply apply} an observation, so exactly one of them records each transition.
 *
 * @param lastValue       what the last verdict compared (see {@link Verdict#value()})
 * @param lastObservedAt  when the value applied last was read; a value read earlier is stale
 * @param transitionCount the sequence number of the last transition
 * @param reference       the leader a RANK rule without subject watches (set at its first evaluation); else null
 * @param lastMeasurement what the last evaluation measured
 */
public record RuleState(UUID ruleId, AlertState state, Instant stateSince, Instant pendingSince, Double lastValue,
                        Instant lastObservedAt, Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount,
                        String reference, Measurement lastMeasurement) {

    public RuleState(UUID ruleId, AlertState state, Instant stateSince, Instant pendingSince, Double lastValue,
                     Instant lastObservedAt, Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount) {
        this(ruleId, state, stateSince, pendingSince, lastValue, lastObservedAt, lastEvaluatedAt, lastNotifiedAt,
                transitionCount, null, null);
    }

    public static RuleState initial(UUID ruleId, Instant now) {
        return new RuleState(ruleId, AlertState.OK, now, null, null, null, null, null, 0, null, null);
    }

    public AlertStateMachine.Snapshot snapshot() {
        return new AlertStateMachine.Snapshot(state, pendingSince, lastNotifiedAt);
    }

    /** Whether a value read at {@code observedAt} is older than the one applied last. */
    public boolean isStale(Instant observedAt) {
        return lastObservedAt != null && observedAt.isBefore(lastObservedAt);
    }

    /** This state watching a new reference (null: the next evaluation takes the current leader). */
    public RuleState withReference(String newReference) {
        return new RuleState(ruleId, state, stateSince, pendingSince, lastValue, lastObservedAt, lastEvaluatedAt,
                lastNotifiedAt, transitionCount, newReference, lastMeasurement);
    }

    /** The state after applying an observation, and the transition it recorded, if the state machine stepped. */
    public record Applied(RuleState state, Optional<AlertTransition> transition) {
    }

    /** Applies a THRESHOLD rule's value (no asOf: as of today); see {@link #apply(AlertRule, Observation, Instant, Instant)}. */
    public Applied apply(AlertRule rule, Double value, Instant observedAt, Instant now) {
        return apply(rule, Observation.of(null, value), observedAt, now);
    }

    /**
     * Applies {@code observation}, read at {@code observedAt}, to this state under {@code rule}: it is judged
     * ({@link RuleEvaluation#judge}) and always recorded; when the state machine steps, the step is taken and
     * numbered as the next transition, with what was measured.
     */
    public Applied apply(AlertRule rule, Observation observation, Instant observedAt, Instant now) {
        RuleDefinition d = rule.definition();
        Verdict v = RuleEvaluation.judge(d, observation, reference);
        AlertStateMachine.Step step = AlertStateMachine.next(d.timing(), snapshot(), v, now);
        if (!step.changed()) {
            return new Applied(new RuleState(ruleId, state, stateSince, pendingSince, v.value(), observedAt, now,
                    lastNotifiedAt, transitionCount, v.reference(), v.measurement()), Optional.empty());
        }
        double threshold = step.kind() == TransitionKind.RESOLVED && v.recoveryThreshold() != null
                ? v.recoveryThreshold() : v.threshold();
        AlertTransition transition = new AlertTransition(UUID.randomUUID(), rule.id(), rule.subscriberId(),
                transitionCount + 1, step.kind(), state, step.state(), v.value(), threshold, null, now, v.measurement());
        RuleState next = new RuleState(ruleId, step.state(), state != step.state() ? now : stateSince,
                step.pendingSince(), v.value(), observedAt, now, step.lastNotifiedAt(), transition.seq(), v.reference(),
                v.measurement());
        return new Applied(next, Optional.of(transition));
    }
}
