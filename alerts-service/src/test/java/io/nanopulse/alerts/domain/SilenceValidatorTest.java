package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilenceValidatorTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static List<String> fields(SilenceDraft d) {
        return SilenceValidator.problems(d, NOW).stream().map(FieldError::field).toList();
    }

    @Test
    void aSilenceMustMuteSomethingAndEndInTheFuture() {
        assertEquals(List.of("ruleId"), fields(new SilenceDraft(null, null, Map.of(), null, NOW.plusSeconds(60), null)));
        assertEquals(List.of("endsAt"), fields(new SilenceDraft(UUID.randomUUID(), null, null, null, null, null)));
        assertEquals(List.of("endsAt"), fields(new SilenceDraft(UUID.randomUUID(), null, null, null, NOW.minusSeconds(1), null)));
        assertEquals(List.of("endsAt"), fields(new SilenceDraft(null, UUID.randomUUID(), null,
                NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(1)), null)));
    }

    @Test
    void instantsMustFallWithinTheDateRange() {
        Instant far = Instant.parse("+999999-01-01T00:00:00Z");
        assertEquals(List.of("startsAt", "endsAt"), fields(new SilenceDraft(null, UUID.randomUUID(), null, far,
                far.plus(Duration.ofDays(1)), null)));
        assertEquals(List.of("startsAt"), fields(new SilenceDraft(null, UUID.randomUUID(), null,
                Instant.parse("1899-12-31T00:00:00Z"), NOW.plusSeconds(60), null)));
    }

    @Test
    void lastsAtMost366Days() {
        assertEquals(List.of("endsAt"), fields(new SilenceDraft(null, UUID.randomUUID(), null, null,
                NOW.plus(Duration.ofDays(367)), null)));
        assertTrue(fields(new SilenceDraft(null, UUID.randomUUID(), null, null, NOW.plus(Duration.ofDays(366)), null)).isEmpty());
    }

    @Test
    void matchersAndCommentAreBounded() {
        assertEquals(List.of("matchers"), fields(new SilenceDraft(null, null, Map.of("", "x"), null,
                NOW.plusSeconds(60), null)));
        assertEquals(List.of("comment"), fields(new SilenceDraft(null, null, Map.of("team", "ip"), null,
                NOW.plusSeconds(60), "x".repeat(501))));
    }

    @Test
    void aValidSilenceStartsNowUnlessTold() {
        var d = new SilenceDraft(null, null, Map.of("team", "ip"), null, NOW.plusSeconds(60), "maintenance");
        Silence s = Silence.create("owner", d, NOW);
        assertEquals(NOW, s.scope().startsAt());
        assertTrue(s.activeAt(NOW));
        assertTrue(s.scope().mutes(UUID.randomUUID(), UUID.randomUUID(), Map.of("team", "ip", "x", "y"), NOW));
    }
}
