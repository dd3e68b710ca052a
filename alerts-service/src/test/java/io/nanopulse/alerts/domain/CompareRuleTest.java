package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareRuleTest {
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    private static final SubjectKey US_JP_KR = new SubjectKey(SubjectKind.GROUP, "us-jp-kr");

    private static AlertRule rule(Condition condition, double margin, Duration pendingFor) {
        return AlertRule.create("owner", UUID.randomUUID(), new RuleDefinition("CN > US+JP+KR", SubjectKey.country("CN"),
                Metric.SHARE, "ALL", new CompareSpec(condition, US_JP_KR, margin), new Timing(pendingFor, null), Map.of()), T0);
    }

    private static Observation values(double cn, double group) {
        return new Observation(TODAY, cn, null, group, null);
    }

    private static RuleState.Applied apply(AlertRule rule, RuleState s, Observation o, Instant at) {
        return s.apply(rule, o, at, at);
    }

    @Test
    void readsBothSubjectsAsOfTheDate() {
        assertEquals(List.of(new FigureQuery(SubjectKey.country("CN"), "ALL", TODAY), new FigureQuery(US_JP_KR, "ALL", TODAY)),
                RuleEvaluation.reads(rule(Condition.ABOVE, 0, Duration.ZERO).definition(), TODAY).figures());
    }

    @Test
    void firesWhenAboveAndResolvesOnlyPastTheMargin() {
        AlertRule rule = rule(Condition.ABOVE, 0.01, Duration.ZERO);
        RuleState s = RuleState.initial(rule.id(), T0);
        assertTrue(apply(rule, s, values(0.42, 0.42), T0).transition().isEmpty(), "equal is not above");
        var fired = apply(rule, s, values(0.43, 0.42), T0);
        AlertTransition t = fired.transition().orElseThrow();
        assertEquals(TransitionKind.FIRING, t.kind());
        assertEquals(0.43, t.value());
        assertEquals(0.42, t.threshold());
        assertEquals(0.43, t.measurement().value());
        assertEquals(0.42, t.measurement().otherValue());
        assertTrue(apply(rule, fired.state(), values(0.415, 0.42), T0.plusSeconds(1)).transition().isEmpty());
        assertTrue(apply(rule, fired.state(), values(0.41, 0.42), T0.plusSeconds(1)).transition().isEmpty(),
                "exactly at the margin is not past it");
        AlertTransition resolved = apply(rule, fired.state(), values(0.4099, 0.42), T0.plusSeconds(1)).transition().orElseThrow();
        assertEquals(TransitionKind.RESOLVED, resolved.kind());
        assertEquals(0.41, resolved.threshold());
    }

    @Test
    void withoutMarginResolvesAsSoonAsTheConditionNoLongerHolds() {
        AlertRule rule = rule(Condition.BELOW, 0, Duration.ZERO);
        var fired = apply(rule, RuleState.initial(rule.id(), T0), values(0.30, 0.31), T0);
        assertEquals(AlertState.FIRING, fired.state().state());
        assertEquals(TransitionKind.RESOLVED,
                apply(rule, fired.state(), values(0.31, 0.31), T0.plusSeconds(1)).transition().orElseThrow().kind());
    }

    @Test
    void waitsForThePendingDurationAndNoDataCancels() {
        AlertRule rule = rule(Condition.ABOVE, 0, Duration.ofMinutes(5));
        var pending = apply(rule, RuleState.initial(rule.id(), T0), values(0.5, 0.4), T0);
        assertEquals(TransitionKind.PENDING, pending.transition().orElseThrow().kind());
        var cancelled = apply(rule, pending.state(), new Observation(TODAY, 0.5, null, null, null), T0.plusSeconds(60));
        assertEquals(TransitionKind.CANCELLED, cancelled.transition().orElseThrow().kind());
        var again = apply(rule, cancelled.state(), values(0.5, 0.4), T0.plusSeconds(120));
        var fired = apply(rule, again.state(), values(0.5, 0.4), T0.plusSeconds(420));
        assertEquals(TransitionKind.FIRING, fired.transition().orElseThrow().kind());
    }
}
