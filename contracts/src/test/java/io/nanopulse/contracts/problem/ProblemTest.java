package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTest {

    @Test
    void anInvalidRequestNamesItsFieldUnderOneTypeScheme() throws Exception {
        JsonNode json = Json.mapper().valueToTree(Problem.invalid("window", "period must be positive"));
        assertEquals("https://nanopulse.io/problems/invalid-request", json.get("type").asText());
        assertEquals(400, json.get("status").asInt());
        assertEquals("window: period must be positive", json.get("detail").asText());
        assertEquals("window", json.get("errors").get(0).get("field").asText());
        assertFalse(json.has("service"), "absent members are left out");
        assertFalse(json.get("errors").get(0).has("line"));
    }

    @Test
    void everyTypeHasItsOwnUriUnderTheBase() {
        assertEquals(ProblemType.values().length,
                java.util.Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct().count());
        for (ProblemType t : ProblemType.values()) {
            assertTrue(t.uri().startsWith(ProblemType.BASE), t.name());
        }
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(599));
        assertEquals(ProblemType.BAD_GATEWAY, ProblemType.forStatus(502), "only general kinds answer a status");
    }

    @Test
    void anUploadThatFailedMidwayReportsWhatItDidBefore() {
        Problem p = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Kafka unavailable")
                .withPartial(3, 1, 0, List.of(new FieldError("country", "unknown").atLine(2, "e-2")), false);
        JsonNode json = Json.mapper().valueToTree(p);
        assertEquals(3, json.get("accepted").asLong());
        assertEquals(2, json.get("errors").get(0).get("line").asLong());
        assertEquals("e-2", json.get("errors").get(0).get("eventId").asText());
        assertFalse(json.has("errorsTruncated"));
    }

    @Test
    void aProblemListsAtMostTheFirstHundredErrorsAndSaysItCutTheRest() {
        List<FieldError> many = java.util.stream.IntStream.range(0, 100_001)
                .mapToObj(i -> new FieldError("roles[" + i + "]", "unknown role")).toList();
        JsonNode json = Json.mapper().valueToTree(Problem.invalid(many));
        assertEquals("100001 fields are invalid", json.get("detail").asText(), "the detail keeps the true count");
        assertEquals(Problem.MAX_ERRORS, json.get("errors").size());
        assertEquals("roles[0]", json.get("errors").get(0).get("field").asText());
        assertTrue(json.get("errorsTruncated").asBoolean());

        JsonNode exact = Json.mapper().valueToTree(Problem.invalid(many.subList(0, Problem.MAX_ERRORS)));
        assertEquals(Problem.MAX_ERRORS, exact.get("errors").size());
        assertFalse(exact.has("errorsTruncated"), "a full list is not called cut");

        JsonNode partial = Json.mapper().valueToTree(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Kafka unavailable")
                .withPartial(0, many.size(), 0, many, false));
        assertEquals(Problem.MAX_ERRORS, partial.get("errors").size());
        assertTrue(partial.get("errorsTruncated").asBoolean());
    }
}
