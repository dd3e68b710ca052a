package io.nanopulse.ingest.rest;

import io.nanopulse.ingest.config.IngestConfig;
import io.nanopulse.ingest.service.MalformedRequestException;
import io.nanopulse.ingest.service.PublishFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.UUID;

/** Every failure leaves as application/problem+json: ours, Quarkus's own (404, 405, 415…), and the unexpected. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response malformed(MalformedRequestException e) {
        Problem problem = switch (e.kind()) {
            case MALFORMED_JSON -> Problem.of("malformed-json", "Malformed JSON", 400, e.getMessage(), e.field());
            case EMPTY_BODY -> Problem.of("empty-body", "Empty body", 400, e.getMessage(), e.field());
            case BODY_TOO_LARGE -> Problem.of("body-too-large", "Body too large", 413, e.getMessage(), e.field());
            case TOO_MANY_EVENTS -> Problem.of("too-many-events", "Too many events", 413, e.getMessage(), e.field());
            case MALFORMED_CSV -> Problem.of("malformed-csv", "Malformed CSV", 400, e.getMessage(), e.field());
            case BAD_CSV_HEADER -> Problem.of("bad-csv-header", "Unexpected CSV header", 400, e.getMessage(),
                    e.field());
        };
        return Problems.closing(problem.at(e.line()).withPartial(e.partial())).build();
    }

    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        LOG.warnf("Kafka unavailable: %s", e.getMessage());
        Problem problem = Problem.of("kafka-unavailable", "Event store unavailable", 503,
                e.getMessage() + "; events not counted in 'accepted' were not stored: send them again (same eventIds)",
                null).withPartial(e.partial());
        return Problems.closing(problem)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Problem problem = switch (status) {
            case 404 -> Problem.of("not-found", "Not found", 404, "no such resource", null);
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405,
                    "this resource takes POST only", null);
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406,
                    "responses are application/json (problems application/problem+json)", "Accept");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "POST /events takes application/json or application/x-ndjson; POST /imports takes text/csv",
                    "Content-Type");
            default -> Problem.of("bad-request", Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Bad request", status,
                    "the request was refused", null);
        };
        Response.ResponseBuilder response = Problems.response(problem);
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    /** The body could not be read (client went away, read timeout). */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        LOG.debugf("request body unreadable: %s", e.toString());
        return Problems.closing(Problem.of("unreadable-body", "Unreadable body", 400,
                "the request body could not be read to its end", null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s", id);
        return Problems.response(Problem.of("internal", "Internal error", 500,
                "unexpected failure; reference " + id, null)).build();
    }
}
