package io.nanopulse.metrics.messaging;

import io.nanopulse.contracts.EventType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatentEventDeserializerTest {
    private final PatentEventDeserializer deserializer = new PatentEventDeserializer();

    private ParsedEvent read(String value) {
        return deserializer.deserialize("patent-events", value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidRecordBecomesItsEvent() {
        ParsedEvent parsed = read("""
                {"type":"PATENT_FILED","eventId":"e-1","patentId":"CN1000000001A","country":"CN",
                 "institution":"Zhejiang University","sector":"MATERIALS","filingDate":"2020-02-29","city":"Hangzhou"}""");
        assertTrue(parsed.isValid());
        assertEquals(EventType.PATENT_FILED, parsed.event().type());
        assertEquals("CN1000000001A", parsed.event().patentId());
        assertEquals(LocalDate.of(2020, 2, 29), parsed.event().filingDate());
        assertNull(parsed.raw(), "the text of a valid record is not kept");
    }

    @Test
    void unparseableJsonKeepsTheRecordTextForTheDeadLetterTopic() {
        ParsedEvent parsed = read("{\"type\":\"PATENT_FILED\",");
        assertFalse(parsed.isValid());
        assertEquals("$", parsed.field());
        assertEquals("unparseable JSON", parsed.reason());
        assertEquals("{\"type\":\"PATENT_FILED\",", parsed.raw());
    }

    @Test
    void aSchemaInvalidRecordNamesTheFirstFieldAndEveryReason() {
        ParsedEvent parsed = read("""
                {"type":"PATENT_FILED","eventId":"e-2","patentId":"CN1000000002A","country":"XX",
                 "institution":"Nowhere","sector":"NANOMAGIC","filingDate":"2020-01-01"}""");
        assertFalse(parsed.isValid());
        assertEquals("country", parsed.field());
        assertTrue(parsed.reason().startsWith("country "), parsed.reason());
        assertTrue(parsed.reason().contains("; sector "), parsed.reason());
        assertTrue(parsed.raw().contains("NANOMAGIC"));
    }

    @Test
    void aRecordWithoutValueOrNotAnObjectIsInvalid() {
        ParsedEvent none = read(null);
        assertFalse(none.isValid());
        assertEquals("$", none.field());
        assertNull(none.raw());
        ParsedEvent array = read("[1,2]");
        assertFalse(array.isValid());
        assertEquals("$", array.field());
        assertEquals("[1,2]", array.raw());
    }
}
