package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankRuleTest {
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    private static AlertRule rule(SubjectKey subject, RankSpec spec, Duration pendingFor) {
        return AlertRule.create("owner", UUID.randomUUID(), new RuleDefinition("rank", subject, Metric.FILINGS, "ALL",
                spec, new Timing(pendingFor, null), Map.of()), T0);
    }

    private static AlertRule leaderRule(double margin) {
        return rule(null, new RankSpec(SubjectKind.INSTITUTION, null, 1, 1, margin), Duration.ZERO);
    }

    /** Institutions in ranking order, as "key=value" pairs. */
    private static Observation ranking(String... entries) {
        List<Standings.Entry> list = new ArrayList<>();
        for (String e : entries) {
            String[] kv = e.split("=");
            list.add(new Standings.Entry(SubjectKey.institution(kv[0]), Double.valueOf(kv[1])));
        }
        return new Observation(TODAY, null, null, null, new Standings(list));
    }

    private static RuleState.Applied apply(AlertRule rule, RuleState s, Observation o, Instant at) {
        return s.apply(rule, o, at, at);
    }

    @Test
    void readsTheRankingAsOfTheDate() {
        var inTop3 = rule(SubjectKey.institution("cas"), new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.IN_TOP, 3, 5, 0),
                Duration.ZERO);
        Reads reads = RuleEvaluation.reads(inTop3.definition(), TODAY);
        assertEquals(new RankingQuery(SubjectKind.INSTITUTION, Metric.FILINGS, "ALL", TODAY, 5), reads.ranking());
        assertTrue(reads.figures().isEmpty());
        assertEquals(RuleEvaluation.LEADER_PLACES, RuleEvaluation.reads(leaderRule(0).definition(), TODAY).ranking().limit());
    }

    @Test
    void firesWhenANewNumberOneOvertakesTheOldAndResolvesWhenItIsBack() {
        AlertRule rule = leaderRule(0);
        var first = apply(rule, RuleState.initial(rule.id(), T0), ranking("cas=100", "tsinghua=90"), T0);
        assertTrue(first.transition().isEmpty(), "the first evaluation only takes the leader to watch");
        assertEquals("cas", first.state().reference());

        var tie = apply(rule, first.state(), ranking("aalto=100", "cas=100"), T0.plusSeconds(1));
        assertTrue(tie.transition().isEmpty(), "a tie does not change hands");

        var overtaken = apply(rule, tie.state(), ranking("tsinghua=101", "cas=100"), T0.plusSeconds(2));
        AlertTransition fired = overtaken.transition().orElseThrow();
        assertEquals(TransitionKind.FIRING, fired.kind());
        assertEquals("tsinghua", fired.measurement().leader());
        assertEquals("cas", fired.measurement().previousLeader());
        assertEquals(101.0, fired.measurement().value());
        assertEquals(100.0, fired.measurement().otherValue());
        assertEquals("cas", overtaken.state().reference());

        var back = apply(rule, overtaken.state(), ranking("cas=102", "tsinghua=101"), T0.plusSeconds(3));
        assertEquals(TransitionKind.RESOLVED, back.transition().orElseThrow().kind());
    }

    @Test
    void aFiringLeaderRuleResolvesWhenTheReferenceTiesForFirstAgain() {
        AlertRule rule = leaderRule(0);
        var first = apply(rule, RuleState.initial(rule.id(), T0), ranking("tsinghua=100", "aalto=90"), T0);
        var overtaken = apply(rule, first.state(), ranking("aalto=101", "tsinghua=100"), T0.plusSeconds(1));
        assertEquals(TransitionKind.FIRING, overtaken.transition().orElseThrow().kind());
        // tied at 102: metrics orders the tie by key, aalto first; the reference is tied for #1
        var tied = apply(rule, overtaken.state(), ranking("aalto=102", "tsinghua=102"), T0.plusSeconds(2));
        assertEquals(TransitionKind.RESOLVED, tied.transition().orElseThrow().kind());
    }

    @Test
    void aChallengerMustLeadByMoreThanTheMargin() {
        AlertRule rule = leaderRule(5);
        var first = apply(rule, RuleState.initial(rule.id(), T0), ranking("cas=100", "tsinghua=90"), T0);
        assertTrue(apply(rule, first.state(), ranking("tsinghua=105", "cas=100"), T0).transition().isEmpty());
        assertEquals(TransitionKind.FIRING,
                apply(rule, first.state(), ranking("tsinghua=106", "cas=100"), T0).transition().orElseThrow().kind());
        // The reference fell out of the places read: it has been overtaken.
        assertEquals(TransitionKind.FIRING,
                apply(rule, first.state(), ranking("tsinghua=106", "aalto=101"), T0).transition().orElseThrow().kind());
    }

    @Test
    void inTopFiresWhileTheSubjectHoldsFirstPlace() {
        AlertRule casFirst = rule(SubjectKey.institution("cas"),
                new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.IN_TOP, 1, 1, 0), Duration.ZERO);
        var fired = apply(casFirst, RuleState.initial(casFirst.id(), T0), ranking("cas=100", "tsinghua=90"), T0);
        AlertTransition t = fired.transition().orElseThrow();
        assertEquals(TransitionKind.FIRING, t.kind());
        assertEquals(1.0, t.value());
        assertEquals(1, t.measurement().position());
        assertEquals("cas", t.measurement().leader());
        var lost = apply(casFirst, fired.state(), ranking("tsinghua=101", "cas=100"), T0.plusSeconds(1));
        assertEquals(TransitionKind.RESOLVED, lost.transition().orElseThrow().kind());
    }

    @Test
    void inTopResolvesOnlyPastTheRecoveryPlace() {
        AlertRule top2 = rule(SubjectKey.institution("cas"),
                new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.IN_TOP, 2, 3, 0), Duration.ZERO);
        var fired = apply(top2, RuleState.initial(top2.id(), T0), ranking("a=9", "cas=8", "b=7"), T0);
        assertEquals(AlertState.FIRING, fired.state().state());
        assertTrue(apply(top2, fired.state(), ranking("a=9", "b=8", "cas=7"), T0).transition().isEmpty());
        var out = apply(top2, fired.state(), ranking("a=9", "b=8", "c=7"), T0);
        AlertTransition resolved = out.transition().orElseThrow();
        assertEquals(TransitionKind.RESOLVED, resolved.kind());
        assertEquals(3.0, resolved.threshold());
        assertNull(resolved.value(), "not within the places read");
        assertEquals(0, resolved.measurement().position());
    }

    @Test
    void outOfTopFiresWhenTheSubjectLeavesAndWaitsForThePendingDuration() {
        AlertRule leaves = rule(SubjectKey.institution("cas"),
                new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.OUT_OF_TOP, 1, 1, 0), Duration.ofMinutes(10));
        RuleState s = RuleState.initial(leaves.id(), T0);
        assertTrue(apply(leaves, s, ranking("cas=100", "b=9"), T0).transition().isEmpty());
        var pending = apply(leaves, s, ranking("b=101", "cas=100"), T0);
        assertEquals(TransitionKind.PENDING, pending.transition().orElseThrow().kind());
        var cancelled = apply(leaves, pending.state(), ranking("cas=102", "b=101"), T0.plusSeconds(60));
        assertEquals(TransitionKind.CANCELLED, cancelled.transition().orElseThrow().kind());
        var again = apply(leaves, cancelled.state(), ranking("b=103", "cas=102"), T0.plusSeconds(120));
        var fired = apply(leaves, again.state(), ranking("b=103", "cas=102"), T0.plusSeconds(720));
        assertEquals(TransitionKind.FIRING, fired.transition().orElseThrow().kind());
    }

    @Test
    void anEmptyRankingIsNoData() {
        AlertRule casFirst = rule(SubjectKey.institution("cas"),
                new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.OUT_OF_TOP, 1, 1, 0), Duration.ZERO);
        assertTrue(apply(casFirst, RuleState.initial(casFirst.id(), T0), ranking(), T0).transition().isEmpty());
        AlertRule leader = leaderRule(0);
        var first = apply(leader, RuleState.initial(leader.id(), T0), ranking(), T0);
        assertTrue(first.transition().isEmpty());
        assertNull(first.state().reference());
    }

    @Test
    void anEditKeepsTheReferenceOnlyForTheSameRanking() {
        RuleDefinition d = leaderRule(0).definition();
        assertTrue(RuleEvaluation.keepsReference(d, new RuleDefinition("renamed", null, d.metric(), d.window(), d.spec(),
                d.timing(), Map.of())));
        assertEquals(false, RuleEvaluation.keepsReference(d, new RuleDefinition("other window", null, d.metric(), "P12M",
                d.spec(), d.timing(), Map.of())));
    }
}
