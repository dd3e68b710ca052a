package io.nanopulse.contracts.problem;

import java.util.List;

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
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout"),
    /** A service answered an error without a problem body; the problem keeps the service's own status. */
    DOWNSTREAM_ERROR(502, "downstream-error", "Downstream error"),

    // What the intake of events (POST /events, POST /imports) tells apart within a status.
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

    /** The general kinds {@link #forStatus} chooses from, one per status. */
    private static final List<ProblemType> BY_STATUS = List.of(INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
            METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT, BODY_TOO_LARGE, URI_TOO_LONG, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED,
            HEADERS_TOO_LARGE, INTERNAL,
            BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT);

    /** The general type of an HTTP error status; {@link #INTERNAL} for other 5xx, {@link #INVALID_REQUEST} for other 4xx. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : BY_STATUS) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
