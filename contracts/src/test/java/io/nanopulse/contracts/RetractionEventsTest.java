package io.nanopulse.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two retraction events of contract v1: their fields, rules and wire form. */
class RetractionEventsTest {
    private final EventValidator validator =
            new EventValidator(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static ObjectNode patentRetracted() {
        return Json.mapper().createObjectNode().put("type", "PATENT_RETRACTED").put("eventId", "r-1")
                .put("patentId", "cn-115123456-a").put("reason", "  sent   by mistake ");
    }

    private static ObjectNode dealRetracted() {
        return patentRetracted().put("type", "DEAL_RETRACTED").put("dealEventId", " lic-0001 ");
    }

    @Test
    void aPatentRetractionIsReadAndNormalised() {
        ValidationResult r = validator.validate(patentRetracted());
        assertTrue(r.isValid(), () -> r.errors().toString());
        assertEquals(EventType.PATENT_RETRACTED, r.event().type());
        assertEquals("CN115123456A", r.event().patentId());
        assertEquals("sent by mistake", r.event().reason());
        assertNull(r.event().dealEventId());
        assertTrue(r.event().type().isRetraction());
        assertEquals("io.nanopulse.patent.retracted", r.event().type().cloudEventType());
    }

    @Test
    void aDealRetractionNamesTheDealByItsEventId() {
        ValidationResult r = validator.validate(dealRetracted());
        assertTrue(r.isValid(), () -> r.errors().toString());
        assertEquals(EventType.DEAL_RETRACTED, r.event().type());
        assertEquals("lic-0001", r.event().dealEventId());
        assertEquals("io.nanopulse.patent.deal.retracted", r.event().type().cloudEventType());
        assertFalse(r.event().type().isDeal());
    }

    @Test
    void reasonAndDealEventIdAreRequiredAndBounded() {
        assertRefused(patentRetracted().without("reason"), "reason", "is required");
        assertRefused(patentRetracted().put("reason", "   "), "reason", "blank");
        assertRefused(patentRetracted().put("reason", "x".repeat(513)), "reason", "at most 512");
        assertRefused(patentRetracted().put("reason", "a\u0000b"), "reason", "control characters");
        assertRefused(dealRetracted().without("dealEventId"), "dealEventId", "is required");
        assertRefused(dealRetracted().put("dealEventId", "d".repeat(129)), "dealEventId", "at most 128");
    }

    @Test
    void otherTypesIgnoreTheRetractionFields() {
        ObjectNode filed = Json.mapper().createObjectNode().put("type", "PATENT_FILED").put("eventId", "e-1")
                .put("patentId", "CN115123456A").put("country", "CN").put("institution", "CAS").put("sector", "MATERIALS")
                .put("filingDate", "2024-03-18").put("reason", "x").put("dealEventId", "y");
        ValidationResult r = validator.validate(filed);
        assertTrue(r.isValid());
        assertNull(r.event().reason());
        assertNull(r.event().dealEventId());
    }

    @Test
    void theWireFormCarriesOnlyTheRetractionsFields() throws Exception {
        String json = Json.mapper().writeValueAsString(PatentEvent.dealRetracted("r-2", "CN115123456A", "lic-1", "cancelled"));
        assertEquals("{\"type\":\"DEAL_RETRACTED\",\"eventId\":\"r-2\",\"patentId\":\"CN115123456A\","
                + "\"dealEventId\":\"lic-1\",\"reason\":\"cancelled\"}", json);
        assertTrue(validator.validate(Json.mapper().readTree(json)).isValid());
    }

    private void assertRefused(ObjectNode input, String field, String reason) {
        ValidationResult r = validator.validate(input);
        assertFalse(r.isValid(), input + " should be refused");
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals(field) && e.reason().contains(reason)),
                () -> "expected " + field + " '" + reason + "' in " + r.errors());
    }
}
