package io.nanopulse.contracts.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 202 body of ingest-service: every count always present, each item error with only its own position. */
class IngestResultTest {

    @Test
    void countsAndItemErrorsOnTheWire() {
        var result = new IngestResult(2, 2, 1, List.of(
                new FieldError("country", "must be an ISO 3166-1 alpha-2 code").atIndex(1, "bad-1"),
                new FieldError("$", "not valid JSON").atLine(4, null)), false);
        JsonNode json = Json.mapper().valueToTree(result);
        assertEquals(2, json.get("accepted").asLong());
        assertEquals(2, json.get("rejected").asLong());
        assertEquals(1, json.get("duplicates").asLong());
        assertFalse(json.get("errorsTruncated").asBoolean());
        JsonNode first = json.get("errors").get(0);
        assertEquals(1, first.get("index").asLong());
        assertEquals("bad-1", first.get("eventId").asText());
        assertEquals("country", first.get("field").asText());
        assertFalse(first.has("line"), "an item error names its index or its line, not both");
        JsonNode second = json.get("errors").get(1);
        assertEquals(4, second.get("line").asLong());
        assertFalse(second.has("index"));
        assertFalse(second.has("eventId"), "absent members are left out");
    }

    @Test
    void noErrorsIsAnEmptyList() {
        JsonNode json = Json.mapper().valueToTree(new IngestResult(1, 0, 0, List.of(), false));
        assertTrue(json.get("errors").isArray());
        assertEquals(0, json.get("errors").size());
    }
}
