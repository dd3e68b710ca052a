package io.nanopulse.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.ingest.application.PublishFailedException;
import io.nanopulse.ingest.config.IngestConfig;
import io.nanopulse.ingest.domain.MalformedRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * Every failure leaves as application/problem+json through {@link ProblemResponses}: the intake's own (a body
 * that cannot be read as a whole, Kafka unavailable), Quarkus's (404, 405, 406, 415…) and the unexpected.
 * Bodies are serialised here with the {@link HtmlSafeEscapes}, so the media type never depends on negotiation
 * and no echoed client text is markup.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper MAPPER = Json.mapper().copy();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response malformed(MalformedRequestException e) {
        ProblemType type = switch (e.kind()) {
            case MALFORMED_JSON -> ProblemType.MALFORMED_JSON;
            case EMPTY_BODY -> ProblemType.EMPTY_BODY;
            case BODY_TOO_LARGE -> ProblemType.BODY_TOO_LARGE;
            case TOO_MANY_EVENTS -> ProblemType.TOO_MANY_EVENTS;
            case MALFORMED_CSV -> ProblemType.MALFORMED_CSV;
            case BAD_CSV_HEADER -> ProblemType.BAD_CSV_HEADER;
        };
        Problem problem = Problem.of(type, e.getMessage()).withField(e.field()).atLine(e.line());
        return closing(withPartial(problem, e.partial())).build();
    }

    /** A request refused by a use case (a retraction's fields). */
    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return builder(e.problem()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        LOG.warnf("Kafka unavailable: %s", e.getMessage());
        Problem problem = Problem.of(ProblemType.KAFKA_UNAVAILABLE, e.getMessage()
                + "; events not counted in 'accepted' were not stored: send them again (same eventIds)");
        return closing(withPartial(problem, e.partial()))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()))
                .build();
    }

    /** Quarkus's own refusals, with what this service takes; any other status as ProblemResponses words it. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this resource takes POST only");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "responses are application/json (problems application/problem+json)").withField("Accept");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "POST /events takes application/json or application/x-ndjson; POST /imports takes text/csv; "
                            + "POST /admin/retractions takes application/json")
                    .withField("Content-Type");
            default -> null;
        };
        if (problem == null) {
            return escaped(ProblemResponses.of(e)).build();
        }
        Response.ResponseBuilder response = builder(problem);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** The body could not be read (client went away, read timeout). */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        LOG.debugf("request body unreadable: %s", e.toString());
        return closing(Problem.of(ProblemType.UNREADABLE_BODY, "the request body could not be read to its end"))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return escaped(ProblemResponses.unexpected(e)).build();
    }

    /** Adds the counts of what a streamed request did before it failed; no-op without them. */
    private static Problem withPartial(Problem problem, IngestResult partial) {
        return partial == null ? problem : problem.withPartial(partial.accepted(), partial.rejected(),
                partial.duplicates(), partial.errors(), partial.errorsTruncated());
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return ProblemResponses.builder(problem).entity(json(problem));
    }

    /** The body may not have been read to its end: do not reuse the connection for another request. */
    private static Response.ResponseBuilder closing(Problem problem) {
        return builder(problem).header("Connection", "close");
    }

    /** A response of ProblemResponses, its problem written with the HTML-safe escapes. */
    private static Response.ResponseBuilder escaped(Response response) {
        return response.getEntity() instanceof Problem problem
                ? Response.fromResponse(response).entity(json(problem))
                : Response.fromResponse(response);
    }

    private static String json(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
    }
}
