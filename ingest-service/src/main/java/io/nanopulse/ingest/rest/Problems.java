package io.nanopulse.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.Json;
import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a response; serialised here so the media type never depends on negotiation. */
final class Problems {
    private static final ObjectMapper MAPPER = Json.mapper().copy();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private Problems() {
    }

    static Response.ResponseBuilder response(Problem problem) {
        String body;
        try {
            body = MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("X-Content-Type-Options", "nosniff")
                .entity(body);
    }

    /** The body may not have been read to its end: do not reuse the connection for another request. */
    static Response.ResponseBuilder closing(Problem problem) {
        return response(problem).header("Connection", "close");
    }
}
