package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The durable state of a rule, its most recent transitions (newest first) and what its last evaluation measured. */
@Schema(name = "RuleState", description = "The durable state of a rule and its latest transitions (newest first).")
public record RuleState(UUID ruleId, @Schema(examples = "FIRING") String state, Instant since, Instant pendingSince,
                        Double lastValue, Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount,
                        List<Transition> recentTransitions,
                        @Schema(nullable = true, description = "What the last evaluation measured.") Measurement measurement) {

    public RuleState(UUID ruleId, String state, Instant since, Instant pendingSince, Double lastValue,
                     Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount,
                     List<Transition> recentTransitions) {
        this(ruleId, state, since, pendingSince, lastValue, lastEvaluatedAt, lastNotifiedAt, transitionCount,
                recentTransitions, null);
    }
}
