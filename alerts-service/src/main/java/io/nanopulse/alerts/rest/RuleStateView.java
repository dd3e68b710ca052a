package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.persistence.AlertTransition;
import io.nanopulse.alerts.persistence.RuleState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The durable state of a rule and its most recent transitions (newest first). */
public record RuleStateView(UUID ruleId, String state, Instant since, Instant pendingSince, Double lastValue,
                            Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount,
                            List<TransitionView> recentTransitions) {

    /** {@code silencedBy}: the silence that muted this transition (recorded, not sent). */
    public record TransitionView(UUID id, long seq, String kind, String from, String to, Double value,
                                 double threshold, UUID silencedBy, Instant at) {
        static TransitionView of(AlertTransition t) {
            return new TransitionView(t.id, t.seq, t.kind.name(), t.fromState.name(), t.toState.name(), t.value,
                    t.threshold, t.silencedBy, t.occurredAt);
        }
    }

    static RuleStateView of(RuleState s, List<AlertTransition> recent) {
        return new RuleStateView(s.ruleId, s.state.name(), s.stateSince, s.pendingSince, s.lastValue, s.lastEvaluatedAt,
                s.lastNotifiedAt, s.transitionCount, recent.stream().map(TransitionView::of).toList());
    }
}
