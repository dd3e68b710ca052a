package io.nanopulse.contracts.problem;

import java.net.URI;

/**
 * The kinds of problem every Nanopulse API answers with, one URI scheme for all:
 * {@code https://nanopulse.io/problems/<slug>}. A client tells problems apart by {@code type}, never by text.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    UNREADABLE_BODY(400, "unreadable-body", "Unreadable body"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    BODY_TOO_LARGE(413, "body-too-large", "Body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout"),

    // What the intake of events (POST /events, POST /imports) tells apart within a status. They come after the
    // general kinds, so forStatus never picks them.
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    EMPTY_BODY(400, "empty-body", "Empty body"),
    TOO_MANY_EVENTS(413, "too-many-events", "Too many events"),
    MALFORMED_CSV(400, "malformed-csv", "Malformed CSV"),
    BAD_CSV_HEADER(400, "bad-csv-header", "Unexpected CSV header"),
    KAFKA_UNAVAILABLE(503, "kafka-unavailable", "Event store unavailable");

    public static final String BASE = "https://nanopulse.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE + slug;
    }

    public URI toUri() {
        return URI.create(uri());
    }

    /** The type for an HTTP error status that no more specific type names; {@link #INTERNAL} for unknown 5xx. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
