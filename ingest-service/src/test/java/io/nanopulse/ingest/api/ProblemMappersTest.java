package io.nanopulse.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.ingest.domain.MalformedRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mappers' answers where no HTTP test reaches them easily: the unexpected, other statuses, a partial count. */
class ProblemMappersTest {
    private final ProblemMappers mappers = new ProblemMappers(null);

    @Test
    void anUnexpectedFailureIsA500ProblemNamingAnIncidentNeverTheException() throws Exception {
        Response response = mappers.unexpected(new IllegalStateException("secret <internals>"));
        assertEquals(500, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        String body = (String) response.getEntity();
        JsonNode json = Json.mapper().readTree(body);
        assertEquals("https://nanopulse.io/problems/internal", json.get("type").asText());
        assertTrue(json.get("detail").asText().contains("incident"), body);
        assertFalse(body.contains("secret") || body.contains("IllegalStateException"), body);
    }

    @Test
    void anotherFrameworkStatusKeepsItsStatusUnderTheOneScheme() throws Exception {
        Response response = mappers.framework(new WebApplicationException(409));
        assertEquals(409, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonNode json = Json.mapper().readTree((String) response.getEntity());
        assertEquals("https://nanopulse.io/problems/conflict", json.get("type").asText());
        assertEquals(409, json.get("status").asInt());

        Response upstream = mappers.framework(new WebApplicationException(502));
        assertEquals(502, upstream.getStatus(), "a framework 5xx keeps its status too");
        assertEquals("https://nanopulse.io/problems/bad-gateway",
                Json.mapper().readTree((String) upstream.getEntity()).get("type").asText());
    }

    @Test
    void aStreamThatBrokeMidwayReportsWhatItDidAndClosesTheConnection() throws Exception {
        var partial = new IngestResult(5000, 1, 0,
                List.of(new FieldError("country", "unknown <b>").atLine(3, "e-3")), false);
        Response response = mappers.malformed(new MalformedRequestException(MalformedRequestException.Kind.MALFORMED_CSV,
                "not valid CSV", "$", 5001L, null).withPartial(partial));
        assertEquals(400, response.getStatus());
        assertEquals("close", response.getHeaderString("Connection"));
        String body = (String) response.getEntity();
        assertFalse(body.contains("<"), body);
        JsonNode json = Json.mapper().readTree(body);
        assertEquals("https://nanopulse.io/problems/malformed-csv", json.get("type").asText());
        assertEquals("Malformed CSV", json.get("title").asText());
        assertEquals(5001, json.get("line").asLong());
        assertEquals(5000, json.get("accepted").asLong());
        assertEquals(1, json.get("rejected").asLong());
        assertEquals(0, json.get("duplicates").asLong());
        assertEquals("unknown <b>", json.get("errors").get(0).get("reason").asText());
        assertFalse(json.has("errorsTruncated"));
        assertFalse(json.has("instance") || json.has("service"), "absent members are left out");
    }
}
