package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
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

class ExplanationTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-01T10:05:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final SubjectKey CN = new SubjectKey(SubjectKind.COUNTRY, "CN");

    private static AlertRule rule(Metric metric, RuleSpec spec) {
        return AlertRule.create("owner", UUID.randomUUID(),
                new RuleDefinition("r", CN, metric, "P12M", spec, new Timing(Duration.ZERO, null), Map.of()), T0);
    }

    private static FigureCounts counts(long global, long[]... sectors) {
        long f = 0, g = 0, l = 0;
        var members = new java.util.ArrayList<FigureCounts.Member>();
        String[] names = {"CN/MATERIALS", "CN/ENERGY", "CN/OTHER", "CN/CATALYSIS"};
        for (int i = 0; i < sectors.length; i++) {
            members.add(new FigureCounts.Member(SubjectKind.COUNTRY_SECTOR, names[i], sectors[i][0], sectors[i][1], sectors[i][2]));
            f += sectors[i][0];
            g += sectors[i][1];
            l += sectors[i][2];
        }
        return new FigureCounts(f, g, l, global, members);
    }

    @Test
    void aThresholdRuleIsExplainedAgainstItsPreviousEvaluation() {
        AlertRule rule = rule(Metric.SHARE, new ThresholdSpec(Condition.ABOVE, 0.4, 0.38));
        FigureCounts before = counts(100, new long[]{20, 0, 0}, new long[]{15, 0, 0}, new long[]{3, 0, 0});
        FigureCounts after = counts(110, new long[]{21, 0, 0}, new long[]{24, 0, 0}, new long[]{1, 0, 0});
        RuleState state = new RuleState(rule.id(), AlertState.OK, T0, null, 0.38, T0, T0, null, 0, null,
                Measurement.of(TODAY, 0.38));
        Explanation e = Explanation.of(rule, state, Measurement.of(TODAY, 46 / 110.0), T1,
                new RuleReading(rule.revision(), T0, TODAY, before, null), new RuleReading(rule.revision(), T1, TODAY, after, null));
        assertEquals("share", e.metric());
        assertEquals(0.38, e.previousValue());
        assertEquals(T0, e.previousMeasuredAt());
        assertEquals(T1, e.measuredAt());
        assertEquals("share > 0.4 (resolves past 0.38)", e.comparison());
        assertEquals("filings", e.countOf());
        assertEquals(new Explanation.Change(38, 46), e.numerator());
        assertEquals(new Explanation.Change(100, 110), e.denominator());
        assertEquals(List.of(new Contributors.Contributor("COUNTRY_SECTOR", "CN/ENERGY", 15, 24, 9),
                new Contributors.Contributor("COUNTRY_SECTOR", "CN/OTHER", 3, 1, -2),
                new Contributors.Contributor("COUNTRY_SECTOR", "CN/MATERIALS", 20, 21, 1)), e.contributors());
        assertNull(e.otherContributors());
    }

    @Test
    void aChangeRuleIsExplainedAgainstTheEarlierWindowReadInTheSameEvaluation() {
        AlertRule rule = rule(Metric.LICENSING_RATE,
                new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 0.02, false, null));
        FigureCounts earlier = counts(500, new long[]{50, 0, 2}, new long[]{50, 0, 3});
        FigureCounts now = counts(600, new long[]{50, 0, 9}, new long[]{60, 0, 3}, new long[]{10, 0, 1});
        // A stale reading kept from the previous evaluation is not the baseline of a CHANGE rule.
        RuleReading previous = new RuleReading(rule.revision(), T0, TODAY, counts(1, new long[]{1, 1, 1}), null);
        Measurement m = new Measurement(TODAY, 13 / 120.0, TODAY.minusYears(1), 0.05, 13 / 120.0 - 0.05, null, null, null);
        Explanation e = Explanation.of(rule, RuleState.initial(rule.id(), T0), m, T1, previous,
                new RuleReading(rule.revision(), T1, TODAY, now, earlier));
        assertEquals(0.05, e.previousValue());
        assertEquals(TODAY.minusYears(1), e.previousAsOf());
        assertEquals("licensed", e.countOf());
        assertEquals(new Explanation.Change(5, 13), e.numerator());
        assertEquals(new Explanation.Change(100, 120), e.denominator());
        assertEquals(List.of(new Contributors.Contributor("COUNTRY_SECTOR", "CN/MATERIALS", 2, 9, 7),
                new Contributors.Contributor("COUNTRY_SECTOR", "CN/OTHER", 0, 1, 1)), e.contributors());
        assertEquals("licensingRate moved UP by at least 0.02 against P1Y earlier", e.comparison());
    }

    @Test
    void aReadingOfAnotherRevisionAndSubjectsWithoutMembersExplainWithoutContributorsFromIt() {
        AlertRule rule = rule(Metric.FILINGS, new ThresholdSpec(Condition.BELOW, 10, null));
        FigureCounts now = new FigureCounts(8, 0, 0, 50, null);
        Explanation e = Explanation.of(rule, RuleState.initial(rule.id(), T0), Measurement.of(TODAY, 8.0), T1,
                new RuleReading(rule.revision() + 1, T0, TODAY, new FigureCounts(20, 0, 0, 50, null), null),
                new RuleReading(rule.revision(), T1, TODAY, now, null));
        assertEquals(new Explanation.Change(0, 8), e.numerator(), "no previous reading of this revision");
        assertNull(e.denominator());
        assertNull(e.contributors());
        assertEquals("filings < 10", e.comparison());
    }
}
