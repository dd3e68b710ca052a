package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BacktestReplayTest {
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);

    private static AlertRule rule(RuleDraft draft) {
        var valid = (RuleValidator.Valid) RuleValidator.validate(draft);
        return AlertRule.create("owner", null, valid.rule(), Instant.parse("2026-12-05T00:00:00Z"));
    }

    private static AlertRule threshold(String pendingFor, String repeatInterval) {
        return rule(new RuleDraft("cn above 40%", "COUNTRY", "CN", "share", "P12M", "ABOVE", 0.40, 0.39,
                pendingFor, repeatInterval, null));
    }

    /** One value per date: D0, D0 + 1 step, ... ({@code monthly}: by month, else by day). */
    private static List<Observation> values(boolean monthly, Double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(Observation.of(monthly ? D0.plusMonths(i) : D0.plusDays(i), values[i]));
        }
        return out;
    }

    private static List<String> steps(BacktestReplay.Outcome o) {
        return o.transitions().stream().map(t -> t.kind() + "@" + BacktestReplay.date(t.occurredAt())).toList();
    }

    @Test
    void firesAndResolvesWithHysteresisMonthByMonth() {
        var o = BacktestReplay.replay(threshold(null, null), values(true, 0.38, 0.41, 0.395, 0.385, null, 0.42));
        assertEquals(List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01", "FIRING@2024-06-01"), steps(o));
        AlertTransition fired = o.transitions().get(0);
        assertEquals(AlertState.OK, fired.from());
        assertEquals(AlertState.FIRING, fired.to());
        assertEquals(0.41, fired.value());
        assertEquals(0.40, fired.threshold());
        assertEquals(LocalDate.of(2024, 2, 1), fired.measurement().asOf());
        assertEquals(0.39, o.transitions().get(1).threshold(), "a resolution names the recovery threshold");
        assertEquals(List.of(new BacktestReplay.Firing(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)),
                new BacktestReplay.Firing(LocalDate.of(2024, 6, 1), null)), o.firing());
        assertEquals(AlertState.FIRING, o.state());
        assertEquals(List.of(AlertState.OK, AlertState.FIRING, AlertState.FIRING, AlertState.OK, AlertState.OK,
                AlertState.FIRING), o.points().stream().map(BacktestReplay.Point::state).toList());
        assertEquals(Arrays.asList(0.38, 0.41, 0.395, 0.385, null, 0.42),
                o.points().stream().map(BacktestReplay.Point::value).toList());
        assertNull(o.points().get(4).measurement().value(), "no data on that date");
    }

    @Test
    void aPendingDurationShorterThanTheStepFiresAtTheNextDate() {
        var o = BacktestReplay.replay(threshold("PT10M", null), values(false, 0.41, 0.41, 0.41));
        assertEquals(List.of("PENDING@2024-01-01", "FIRING@2024-01-02"), steps(o));
    }

    @Test
    void aPendingDurationIsMeasuredBetweenDatesAndCancelledWhenTheBreachStops() {
        var o = BacktestReplay.replay(threshold("P3D", null), values(false, 0.41, 0.41, 0.41, 0.41, 0.41, 0.30, 0.41, 0.41));
        assertEquals(List.of("PENDING@2024-01-01", "FIRING@2024-01-04", "RESOLVED@2024-01-06", "PENDING@2024-01-07"),
                steps(o));
        var cancelled = BacktestReplay.replay(threshold("P3D", null), values(false, 0.41, 0.41, 0.30));
        assertEquals(List.of("PENDING@2024-01-01", "CANCELLED@2024-01-03"), steps(cancelled));
        assertEquals(List.of(), cancelled.firing());
        assertEquals(AlertState.PENDING, BacktestReplay.replay(threshold("P3D", null), values(false, 0.41, 0.41)).state());
    }

    @Test
    void remindersFollowTheRepeatIntervalInDates() {
        var o = BacktestReplay.replay(threshold(null, "P2D"), values(false, 0.41, 0.41, 0.41, 0.41, 0.41));
        assertEquals(List.of("FIRING@2024-01-01", "REMINDER@2024-01-03", "REMINDER@2024-01-05"), steps(o));
        assertEquals(List.of(new BacktestReplay.Firing(D0, null)), o.firing());
    }

    @Test
    void aChangeRuleComparesEachDateWithItsLookback() {
        AlertRule change = rule(new RuleDraft("cn up two points", "COUNTRY", "CN", "share", "P12M", null, null, null,
                null, null, null, "CHANGE", "P1Y", "UP", 0.02, null, 0.01, null, null, null, null, null, null));
        List<Observation> obs = new ArrayList<>();
        double[][] nowAndBefore = {{0.40, 0.39}, {0.42, 0.40}, {0.415, 0.40}, {0.405, 0.40}};
        for (int i = 0; i < nowAndBefore.length; i++) {
            LocalDate d = D0.plusMonths(i);
            obs.add(new Observation(d, nowAndBefore[i][0], d.minusYears(1), nowAndBefore[i][1], null));
        }
        var o = BacktestReplay.replay(change, obs);
        assertEquals(List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01"), steps(o));
        var fired = o.transitions().get(0);
        assertEquals(0.02, fired.value(), 1e-12);
        assertEquals(LocalDate.of(2023, 2, 1), fired.measurement().otherAsOf());
        assertEquals(0.40, fired.measurement().otherValue());
    }

    @Test
    void aLeaderRuleWatchesTheLeaderOfTheFirstDate() {
        AlertRule leader = rule(new RuleDraft("who is first", null, null, "filings", "ALL", null, null, null, null, null,
                null, "RANK", null, null, null, null, null, "INSTITUTION", null, null, null, null, null));
        SubjectKey cas = new SubjectKey(SubjectKind.INSTITUTION, "cas");
        SubjectKey thu = new SubjectKey(SubjectKind.INSTITUTION, "tsinghua");
        List<Observation> obs = List.of(
                new Observation(D0, null, null, null, new Standings(List.of(new Standings.Entry(cas, 300.0), new Standings.Entry(thu, 200.0)))),
                new Observation(D0.plusMonths(1), null, null, null, new Standings(List.of(new Standings.Entry(thu, 310.0), new Standings.Entry(cas, 305.0)))),
                new Observation(D0.plusMonths(2), null, null, null, new Standings(List.of(new Standings.Entry(cas, 320.0), new Standings.Entry(thu, 315.0)))));
        var o = BacktestReplay.replay(leader, obs);
        assertEquals(List.of("FIRING@2024-02-01", "RESOLVED@2024-03-01"), steps(o));
        assertEquals("tsinghua", o.transitions().get(0).measurement().leader());
        assertEquals("cas", o.transitions().get(0).measurement().previousLeader());
        assertEquals("cas", o.points().get(0).measurement().leader());
    }

    @Test
    void datesMustComeInOrder() {
        var obs = List.of(Observation.of(D0.plusDays(1), 0.3), Observation.of(D0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> BacktestReplay.replay(threshold(null, null), obs));
    }

    @Test
    void noDatesNothingHappens() {
        var o = BacktestReplay.replay(threshold(null, null), List.of());
        assertEquals(List.of(), o.points());
        assertEquals(AlertState.OK, o.state());
    }
}
