package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleStateTest {
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final AlertRule RULE = AlertRule.create("owner", UUID.randomUUID(), new RuleDefinition("CN share",
            SubjectKey.country("CN"), Metric.SHARE, "P12M", new Thresholds(Condition.ABOVE, 0.45, 0.44, Duration.ZERO, null),
            Map.of()), T0);

    @Test
    void recordsTheObservationEvenWhenNothingHappens() {
        RuleState.Applied a = RuleState.initial(RULE.id(), T0).apply(RULE, 0.40, T0.plusSeconds(1), T0.plusSeconds(2));
        assertTrue(a.transition().isEmpty());
        assertEquals(AlertState.OK, a.state().state());
        assertEquals(T0, a.state().stateSince());
        assertEquals(0.40, a.state().lastValue());
        assertEquals(T0.plusSeconds(1), a.state().lastObservedAt());
        assertEquals(T0.plusSeconds(2), a.state().lastEvaluatedAt());
        assertEquals(0, a.state().transitionCount());
    }

    @Test
    void numbersEachTransitionAndResolvesAtTheRecoveryThreshold() {
        RuleState.Applied fired = RuleState.initial(RULE.id(), T0).apply(RULE, 0.46, T0, T0.plusSeconds(1));
        AlertTransition t1 = fired.transition().orElseThrow();
        assertEquals(1, t1.seq());
        assertEquals(TransitionKind.FIRING, t1.kind());
        assertEquals(AlertState.OK, t1.from());
        assertEquals(AlertState.FIRING, t1.to());
        assertEquals(0.45, t1.threshold());
        assertEquals(RULE.subscriberId(), t1.subscriberId());
        assertNull(t1.silencedBy());
        assertEquals(AlertState.FIRING, fired.state().state());
        assertEquals(T0.plusSeconds(1), fired.state().stateSince());
        assertEquals(1, fired.state().transitionCount());

        RuleState.Applied resolved = fired.state().apply(RULE, 0.43, T0.plusSeconds(5), T0.plusSeconds(6));
        AlertTransition t2 = resolved.transition().orElseThrow();
        assertEquals(2, t2.seq());
        assertEquals(TransitionKind.RESOLVED, t2.kind());
        assertEquals(0.44, t2.threshold(), "a resolution names the recovery threshold it crossed");
        assertEquals(2, resolved.state().transitionCount());
    }

    @Test
    void aValueReadBeforeTheLastAppliedIsStale() {
        RuleState s = RuleState.initial(RULE.id(), T0).apply(RULE, 0.40, T0.plusSeconds(10), T0.plusSeconds(11)).state();
        assertTrue(s.isStale(T0.plusSeconds(9)));
        assertFalse(s.isStale(T0.plusSeconds(10)));
        assertFalse(RuleState.initial(RULE.id(), T0).isStale(T0.minusSeconds(100)));
    }
}
