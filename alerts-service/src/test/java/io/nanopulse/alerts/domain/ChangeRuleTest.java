package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeRuleTest {
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    private static final LocalDate YEAR_AGO = LocalDate.parse("2025-12-05");

    private static AlertRule rule(ChangeSpec spec, Duration pendingFor, Duration repeat) {
        return AlertRule.create("owner", UUID.randomUUID(), new RuleDefinition("CN share moved", SubjectKey.country("CN"),
                Metric.SHARE, "P12M", spec, new Timing(pendingFor, repeat), Map.of()), T0);
    }

    private static AlertRule twoPointsUp() {
        return rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 0.02, false, null), Duration.ZERO, null);
    }

    private static Observation move(double now, double before) {
        return new Observation(TODAY, now, YEAR_AGO, before, null);
    }

    private static RuleState.Applied apply(AlertRule rule, RuleState s, Observation o, Instant at) {
        return s.apply(rule, o, at, at);
    }

    @Test
    void readsTheSameWindowNowAndOneLookbackEarlier() {
        Reads reads = RuleEvaluation.reads(twoPointsUp().definition(), TODAY);
        assertEquals(List.of(new FigureQuery(SubjectKey.country("CN"), "P12M", TODAY),
                new FigureQuery(SubjectKey.country("CN"), "P12M", YEAR_AGO)), reads.figures());
        assertNull(reads.ranking());
    }

    @Test
    void onlyLiveEvaluationAsksForTheBreakdownExplanationsUse() {
        AlertRule rule = twoPointsUp();
        Reads live = new RuleTarget(rule.id(), rule.revision(), rule.definition()).reads(TODAY);
        assertEquals(List.of(new FigureQuery(SubjectKey.country("CN"), "P12M", TODAY, true),
                new FigureQuery(SubjectKey.country("CN"), "P12M", YEAR_AGO, true)), live.figures());
        assertTrue(RuleEvaluation.reads(rule.definition(), TODAY).figures().stream().noneMatch(FigureQuery::breakdown),
                "backtests read through RuleEvaluation.reads: no breakdown");
        AlertRule institution = AlertRule.create("owner", UUID.randomUUID(), new RuleDefinition("inst", SubjectKey.institution("cas"),
                Metric.SHARE, "P12M", rule.definition().spec(), new Timing(Duration.ZERO, null), Map.of()), T0);
        assertTrue(new RuleTarget(institution.id(), 1, institution.definition()).reads(TODAY).figures().stream()
                .noneMatch(FigureQuery::breakdown), "an institution has no members to break down");
    }

    @Test
    void aReadingIsRewrittenOnlyWhenItsCountsChange() {
        FigureCounts counts = new FigureCounts(10, 2, 1, 100, List.of());
        RuleReading a = new RuleReading(1, T0, TODAY, counts, null);
        assertTrue(a.sameCounts(new RuleReading(1, T0.plusSeconds(60), TODAY, counts, null)));
        assertTrue(!a.sameCounts(new RuleReading(1, T0, TODAY, new FigureCounts(11, 2, 1, 100, List.of()), null)));
        assertTrue(!a.sameCounts(new RuleReading(2, T0, TODAY, counts, null)), "another revision");
        assertTrue(!a.sameCounts(null));
    }

    @Test
    void firesOnATwoPointMoveAndNotOnASmallerOne() {
        AlertRule rule = twoPointsUp();
        RuleState s = RuleState.initial(rule.id(), T0);
        assertTrue(apply(rule, s, move(0.1199, 0.10), T0).transition().isEmpty());
        // 0.12 - 0.10 is 0.0199999... in binary floating point: the decimals metrics-service sends are compared.
        AlertTransition fired = apply(rule, s, move(0.12, 0.10), T0).transition().orElseThrow();
        assertEquals(TransitionKind.FIRING, fired.kind());
        assertEquals(0.02, fired.value());
        assertEquals(0.02, fired.threshold());
        Measurement m = fired.measurement();
        assertEquals(TODAY, m.asOf());
        assertEquals(0.12, m.value());
        assertEquals(YEAR_AGO, m.otherAsOf());
        assertEquals(0.10, m.otherValue());
        assertEquals(0.02, m.change());
    }

    @Test
    void directionDecidesWhichMovesCount() {
        AlertRule down = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.DOWN, 0.02, false, null), Duration.ZERO, null);
        AlertRule either = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.EITHER, 0.02, false, null), Duration.ZERO, null);
        RuleState s = RuleState.initial(UUID.randomUUID(), T0);
        assertTrue(apply(down, s, move(0.45, 0.40), T0).transition().isEmpty());
        assertEquals(TransitionKind.FIRING, apply(down, s, move(0.40, 0.45), T0).transition().orElseThrow().kind());
        assertEquals(TransitionKind.FIRING, apply(either, s, move(0.40, 0.45), T0).transition().orElseThrow().kind());
        assertEquals(TransitionKind.FIRING, apply(either, s, move(0.45, 0.40), T0).transition().orElseThrow().kind());
        assertTrue(apply(twoPointsUp(), s, move(0.40, 0.45), T0).transition().isEmpty());
    }

    @Test
    void aRelativeAmountIsPercentOfTheEarlierValue() {
        AlertRule tenPercent = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 10, true, null), Duration.ZERO, null);
        RuleState s = RuleState.initial(UUID.randomUUID(), T0);
        assertTrue(apply(tenPercent, s, move(0.4399, 0.40), T0).transition().isEmpty());
        AlertTransition t = apply(tenPercent, s, move(0.44, 0.40), T0).transition().orElseThrow();
        assertEquals(10.0, t.measurement().change());
        // No earlier figure at all: no data, nothing fires.
        assertTrue(apply(tenPercent, s, new Observation(TODAY, 0.44, YEAR_AGO, null, null), T0).transition().isEmpty());
    }

    @Test
    void waitsForThePendingDurationAndRemindsWhileFiring() {
        AlertRule rule = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 0.02, false, null),
                Duration.ofHours(1), Duration.ofDays(1));
        RuleState s = RuleState.initial(rule.id(), T0);
        var pending = apply(rule, s, move(0.43, 0.40), T0);
        assertEquals(TransitionKind.PENDING, pending.transition().orElseThrow().kind());
        var still = apply(rule, pending.state(), move(0.43, 0.40), T0.plus(Duration.ofMinutes(59)));
        assertTrue(still.transition().isEmpty());
        var fired = apply(rule, still.state(), move(0.43, 0.40), T0.plus(Duration.ofHours(1)));
        assertEquals(TransitionKind.FIRING, fired.transition().orElseThrow().kind());
        var reminder = apply(rule, fired.state(), move(0.43, 0.40), T0.plus(Duration.ofHours(25)));
        assertEquals(TransitionKind.REMINDER, reminder.transition().orElseThrow().kind());
    }

    @Test
    void resolvesOnlyBelowTheRecoveryAmount() {
        AlertRule rule = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 0.02, false, 0.01),
                Duration.ZERO, null);
        var firing = apply(rule, RuleState.initial(rule.id(), T0), move(0.42, 0.40), T0);
        assertEquals(AlertState.FIRING, firing.state().state());
        assertTrue(apply(rule, firing.state(), move(0.415, 0.40), T0.plusSeconds(1)).transition().isEmpty());
        assertTrue(apply(rule, firing.state(), move(0.41, 0.40), T0.plusSeconds(1)).transition().isEmpty());
        AlertTransition resolved = apply(rule, firing.state(), move(0.4099, 0.40), T0.plusSeconds(1)).transition().orElseThrow();
        assertEquals(TransitionKind.RESOLVED, resolved.kind());
        assertEquals(0.01, resolved.threshold());
    }

    @Test
    void noEarlierFigureNeverFiresNorResolves() {
        AlertRule rule = twoPointsUp();
        var firing = apply(rule, RuleState.initial(rule.id(), T0), move(0.45, 0.40), T0);
        assertTrue(apply(rule, RuleState.initial(rule.id(), T0), new Observation(TODAY, 0.45, YEAR_AGO, null, null), T0)
                .transition().isEmpty());
        assertTrue(apply(rule, firing.state(), new Observation(TODAY, 0.45, YEAR_AGO, null, null), T0.plusSeconds(1))
                .transition().isEmpty());
    }

    @Test
    void aRelativeChangeFromAnEarlierZeroIsAnUnboundedMove() {
        AlertRule up = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 50, true, null), Duration.ZERO, null);
        AlertTransition fired = apply(up, RuleState.initial(up.id(), T0), move(3, 0), T0).transition().orElseThrow();
        assertEquals(TransitionKind.FIRING, fired.kind());
        assertNull(fired.measurement().change());
        assertEquals(3.0, fired.measurement().value());
        assertEquals(0.0, fired.measurement().otherValue());
        AlertRule either = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.EITHER, 50, true, null),
                Duration.ZERO, null);
        RuleState.Applied firing = apply(either, RuleState.initial(either.id(), T0), move(3, 0), T0);
        assertEquals(TransitionKind.FIRING, firing.transition().orElseThrow().kind());
        // 0 then 0 is no change: resolves
        assertEquals(TransitionKind.RESOLVED, apply(either, firing.state(), move(0, 0), T0.plusSeconds(1))
                .transition().orElseThrow().kind());
        AlertRule down = rule(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.DOWN, 50, true, null),
                Duration.ZERO, null);
        assertTrue(apply(down, RuleState.initial(down.id(), T0), move(3, 0), T0).transition().isEmpty());
    }
}
