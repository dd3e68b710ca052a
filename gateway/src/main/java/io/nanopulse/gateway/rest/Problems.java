package io.nanopulse.gateway.rest;

import io.nanopulse.contracts.FieldError;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses; the media type is set here so it never depends on content negotiation. */
public final class Problems {
    public static final String TYPE_BASE = "https://nanopulse.io/problems/";

    private Problems() {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null);
    }

    public static Problem invalid(String field, String reason) {
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, field + ": " + reason, null,
                List.of(Problem.FieldErrorView.of(new FieldError(field, reason))));
    }

    public static Problem unavailable(String service, String detail) {
        return new Problem(TYPE_BASE + "service-unavailable", "Service unavailable", 503, detail, service, null);
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
