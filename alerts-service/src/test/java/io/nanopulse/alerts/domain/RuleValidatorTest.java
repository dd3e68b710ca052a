package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleValidatorTest {

    private static RuleDraft draft(String kind, String key, String metric, String window, String condition,
                                   Double threshold, Double recovery) {
        return new RuleDraft("CN share", kind, key, metric, window, condition, threshold, recovery, null, null, Map.of());
    }

    private static List<FieldError> errors(RuleDraft d) {
        return assertInstanceOf(RuleValidator.Invalid.class, RuleValidator.validate(d)).errors();
    }

    private static void assertRefused(RuleDraft d, String field, String reasonPart) {
        List<FieldError> errors = errors(d);
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.reason().contains(reasonPart)),
                "expected " + field + " ~ '" + reasonPart + "' in " + errors);
    }

    @Test
    void acceptsAndNormalisesAValidRule() {
        var d = new RuleDraft(" CN share ", "CITY", " cn / Shanghai  New ", "share", "P12M", "ABOVE", 0.45, 0.44,
                "PT10M", "P1D", Map.of("team", "ip"));
        RuleDefinition r = assertInstanceOf(RuleValidator.Valid.class, RuleValidator.validate(d)).rule();
        assertEquals("CN share", r.name());
        assertEquals(SubjectKind.CITY, r.subject().kind());
        assertEquals("CN/shanghai new", r.subject().key());
        assertEquals("CITY:CN/shanghai new", r.subject().ref());
        assertEquals(Metric.SHARE, r.metric());
        assertEquals(Duration.ofMinutes(10), r.thresholds().pendingFor());
        assertEquals(Duration.ofDays(1), r.thresholds().repeatEvery());
    }

    @Test
    void keepsTheCanonicalWindowAndMetric() {
        var d = new RuleDraft("CN share", "COUNTRY", "cn", "licensing-rate", "p12m", "BELOW", 0.1, null, null, null, null);
        RuleDefinition r = assertInstanceOf(RuleValidator.Valid.class, RuleValidator.validate(d)).rule();
        assertEquals(Metric.LICENSING_RATE, r.metric());
        assertEquals("P12M", r.window());
        assertEquals("CN", r.subject().key());
        assertEquals("ALL", assertInstanceOf(RuleValidator.Valid.class, RuleValidator.validate(
                draft("GLOBAL", "", "filings", "all", "ABOVE", 10.0, null))).rule().window());
    }

    @Test
    void recoveryThresholdOnTheWrongSide() {
        assertRefused(draft("COUNTRY", "CN", "share", "P12M", "ABOVE", 0.45, 0.46), "recoveryThreshold", "at or below");
        assertRefused(draft("INSTITUTION", "cas", "licensingRate", "ALL", "BELOW", 0.08, 0.07), "recoveryThreshold", "at or above");
    }

    @Test
    void ratiosMustBeWithinZeroAndOne() {
        assertRefused(draft("COUNTRY", "CN", "share", "P12M", "ABOVE", 45.0, null), "threshold", "[0,1]");
        assertRefused(draft("COUNTRY", "CN", "licensingRate", "P12M", "BELOW", -0.1, null), "threshold", "[0,1]");
        assertRefused(draft("COUNTRY", "CN", "filings", "P12M", "BELOW", -1.0, null), "threshold", "negative");
    }

    @Test
    void unknownSubjectKindAndBadKeys() {
        assertRefused(draft("PLANET", "earth", "share", "P12M", "ABOVE", 0.4, null), "subject.kind", "unknown subject kind");
        assertRefused(draft("COUNTRY", "China", "share", "P12M", "ABOVE", 0.4, null), "subject.key", "alpha-2");
        assertRefused(draft("COUNTRY_SECTOR", "CN/ROBOTS", "share", "P12M", "ABOVE", 0.4, null), "subject.key", "SECTOR");
        assertRefused(draft("GLOBAL", "x", "filings", "P12M", "ABOVE", 4.0, null), "subject.key", "empty");
    }

    @Test
    void badWindowSpecs() {
        for (String w : new String[]{"PT5H", "P0M", "12M", "2020-13-01..2020-12-31", "2021-01-01..2020-01-01", "", "last year"}) {
            assertRefused(draft("COUNTRY", "CN", "share", w, "ABOVE", 0.4, null), "window", "");
        }
        for (String w : new String[]{"ALL", "2024", "P5Y", "P30D", "P1Y6M", "2020-01-01..2020-12-31"}) {
            assertInstanceOf(RuleValidator.Valid.class,
                    RuleValidator.validate(draft("COUNTRY", "CN", "share", w, "ABOVE", 0.4, null)), w);
        }
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        var d = new RuleDraft("", null, null, "shares", null, "OVER", null, null, "10 minutes", "PT0.1S",
                Map.of("bad key!", "v"));
        List<String> fields = errors(d).stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("name", "subject.kind", "metric", "window", "condition", "threshold",
                "pendingFor", "repeatInterval", "labels")), fields.toString());
    }
}
