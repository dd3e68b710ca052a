package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleKindValidatorTest {

    /** A draft of {@code kind} on CN's P12M share with only the kind-specific fields given. */
    private static RuleDraft draft(String kind, String subjectKind, String subjectKey, String condition, String lookback,
                                   String direction, Double amount, Boolean relative, Double recoveryAmount,
                                   String rankingKind, Integer top, Integer recoveryTop, String otherKind, String otherKey,
                                   Double margin) {
        return new RuleDraft("rule", subjectKind, subjectKey, "share", "P12M", condition, null, null, null, null, Map.of(),
                kind, lookback, direction, amount, relative, recoveryAmount, rankingKind, top, recoveryTop, otherKind,
                otherKey, margin);
    }

    private static RuleDraft change(String lookback, String direction, Double amount, Boolean relative, Double recovery) {
        return draft("CHANGE", "COUNTRY", "CN", null, lookback, direction, amount, relative, recovery, null, null, null,
                null, null, null);
    }

    private static RuleDraft rank(String subjectKind, String subjectKey, String condition, String rankingKind, Integer top,
                                  Integer recoveryTop, Double margin) {
        return draft("RANK", subjectKind, subjectKey, condition, null, null, null, null, null, rankingKind, top,
                recoveryTop, null, null, margin);
    }

    private static RuleDraft compare(String otherKind, String otherKey, String condition, Double margin) {
        return draft("COMPARE", "COUNTRY", "CN", condition, null, null, null, null, null, null, null, null, otherKind,
                otherKey, margin);
    }

    private static RuleDefinition valid(RuleDraft d) {
        return assertInstanceOf(RuleValidator.Valid.class, RuleValidator.validate(d)).rule();
    }

    private static void assertRefused(RuleDraft d, String field, String reasonPart) {
        List<FieldError> errors = assertInstanceOf(RuleValidator.Invalid.class, RuleValidator.validate(d)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.reason().contains(reasonPart)),
                "expected " + field + " ~ '" + reasonPart + "' in " + errors);
    }

    @Test
    void acceptsEachKind() {
        RuleDefinition c = valid(change("p1y", "up", 0.02, null, 0.01));
        assertEquals(RuleKind.CHANGE, c.kind());
        assertEquals(new ChangeSpec(Period.ofYears(1), ChangeSpec.Direction.UP, 0.02, false, 0.01), c.spec());

        RuleDefinition casFirst = valid(rank("INSTITUTION", " CAS ", "IN_TOP", null, 1, null, null));
        assertEquals(new RankSpec(SubjectKind.INSTITUTION, RankSpec.Position.IN_TOP, 1, 1, 0), casFirst.spec());
        assertEquals("cas", casFirst.subject().key());

        RuleDefinition leader = valid(rank(null, null, null, "institution", null, null, 0.01));
        assertNull(leader.subject());
        assertEquals(new RankSpec(SubjectKind.INSTITUTION, null, 1, 1, 0.01), leader.spec());

        RuleDefinition cmp = valid(compare("GROUP", "US-JP-KR", "ABOVE", 0.01));
        assertEquals(new CompareSpec(Condition.ABOVE, new SubjectKey(SubjectKind.GROUP, "us-jp-kr"), 0.01), cmp.spec());

        assertEquals(RuleKind.THRESHOLD, valid(new RuleDraft("t", "COUNTRY", "CN", "share", "ALL", "ABOVE", 0.4, null,
                null, null, null)).kind());
    }

    @Test
    void namesAnUnknownKind() {
        assertRefused(draft("TREND", "COUNTRY", "CN", null, null, null, null, null, null, null, null, null, null, null,
                null), "kind", "THRESHOLD, CHANGE, RANK or COMPARE");
    }

    @Test
    void boundsTheLookback() {
        assertRefused(change(null, "UP", 0.02, null, null), "lookback", "is required");
        assertRefused(change("PT1H", "UP", 0.02, null, null), "lookback", "ISO-8601 period");
        assertRefused(change("P0D", "UP", 0.02, null, null), "lookback", "positive");
        assertRefused(change("P-1Y", "UP", 0.02, null, null), "lookback", "positive");
        assertRefused(change("P10Y1D", "UP", 0.02, null, null), "lookback", "at most P10Y");
        assertRefused(change("P121M", "UP", 0.02, null, null), "lookback", "at most P10Y");
        assertRefused(change("P999999999Y", "UP", 0.02, null, null), "lookback", "at most P10Y");
        assertEquals(Period.ofYears(10), ((ChangeSpec) valid(change("P10Y", "UP", 0.02, null, null)).spec()).lookback());
    }

    @Test
    void boundsTheAmounts() {
        assertRefused(change("P1Y", "SIDEWAYS", 0.02, null, null), "direction", "UP, DOWN or EITHER");
        assertRefused(change("P1Y", null, 0.02, null, null), "direction", "is required");
        assertRefused(change("P1Y", "UP", null, null, null), "amount", "is required");
        assertRefused(change("P1Y", "UP", 0.0, null, null), "amount", "above 0");
        assertRefused(change("P1Y", "UP", Double.NaN, null, null), "amount", "finite");
        assertRefused(change("P1Y", "UP", 2.0, null, null), "amount", "ratio");
        assertEquals(200.0, ((ChangeSpec) valid(change("P1Y", "UP", 200.0, true, null)).spec()).amount());
        assertRefused(change("P1Y", "UP", 0.02, null, 0.03), "recoveryAmount", "at most amount");
        assertRefused(change("P1Y", "UP", 0.02, null, -0.01), "recoveryAmount", "above 0");
        // 0 would mean "never resolves" for EITHER (a move is never below 0)
        assertRefused(change("P1Y", "EITHER", 0.02, null, 0.0), "recoveryAmount", "above 0");
    }

    @Test
    void boundsTheRankFields() {
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", null, 0, null, null), "top", "1..100");
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", null, 101, null, null), "top", "1..100");
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", null, null, null, null), "top", "is required");
        assertRefused(rank("INSTITUTION", "cas", "ABOVE", null, 1, null, null), "condition", "IN_TOP or OUT_OF_TOP");
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", null, 3, 2, null), "recoveryTop", "at least top");
        assertRefused(rank("INSTITUTION", "cas", "OUT_OF_TOP", null, 3, 4, null), "recoveryTop", "at most top");
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", "COUNTRY", 1, null, null), "rankingKind", "subject's kind");
        assertRefused(rank("GLOBAL", "", "IN_TOP", null, 1, null, null), "subject.kind", "no place in a ranking");
        assertRefused(rank(null, null, null, null, null, null, null), "rankingKind", "is required without a subject");
        assertRefused(rank(null, null, null, "GLOBAL", null, null, null), "rankingKind", "nothing to rank");
        assertRefused(rank(null, null, "IN_TOP", "COUNTRY", 1, null, null), "top", "without subject");
        assertRefused(rank(null, null, null, "COUNTRY", null, null, -1.0), "margin", "0 or above");
        assertRefused(rank("INSTITUTION", "cas", "IN_TOP", null, 1, null, 0.1), "margin", "not taken by a RANK rule");
    }

    @Test
    void boundsTheCompareFields() {
        assertRefused(compare(null, null, "ABOVE", null), "other", "is required");
        assertRefused(compare("GROUP", "us jp", "ABOVE", null), "other.key", "");
        assertRefused(compare("PLANET", "x", "ABOVE", null), "other.kind", "unknown subject kind");
        assertRefused(compare("COUNTRY", "cn", "ABOVE", null), "other", "must differ from subject");
        assertRefused(compare("COUNTRY", "US", null, null), "condition", "is required");
        assertRefused(compare("COUNTRY", "US", "ABOVE", -0.1), "margin", "0 or above");
        assertRefused(compare("COUNTRY", "US", "ABOVE", 1.5), "margin", "ratio");
        assertRefused(compare("COUNTRY", "US", "OVER", null), "condition", "ABOVE or BELOW");
        assertEquals(Condition.BELOW, ((CompareSpec) valid(compare("COUNTRY", "US", "below", null)).spec()).condition(),
                "case-insensitive like the other enums");
    }

    @Test
    void refusesTheFieldsOfOtherKinds() {
        assertRefused(new RuleDraft("t", "COUNTRY", "CN", "share", "ALL", "ABOVE", 0.4, null, null, null, null,
                null, "P1Y", null, null, null, null, null, 3, null, null, null, null), "lookback", "not taken by a THRESHOLD rule");
        assertRefused(new RuleDraft("t", "COUNTRY", "CN", "share", "ALL", "ABOVE", 0.4, null, null, null, null,
                null, null, null, null, null, null, null, 3, null, null, null, null), "top", "not taken by a THRESHOLD rule");
        assertRefused(draft("CHANGE", "COUNTRY", "CN", null, "P1Y", "UP", 0.02, null, null, null, null, null, "COUNTRY",
                "US", null), "other", "not taken by a CHANGE rule");
        var changeWithThreshold = new RuleDraft("t", "COUNTRY", "CN", "share", "ALL", "ABOVE", 0.4, null, null, null,
                null, "CHANGE", "P1Y", "UP", 0.02, null, null, null, null, null, null, null, null);
        assertRefused(changeWithThreshold, "threshold", "not taken by a CHANGE rule");
        assertRefused(changeWithThreshold, "condition", "not taken by a CHANGE rule");
    }
}
