package io.nanopulse.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.gateway.api.auth.ApiKeyAuthenticationMechanism;
import io.nanopulse.gateway.api.auth.ClientAddressLimitedException;
import io.nanopulse.gateway.api.auth.RateLimitFilter;
import io.nanopulse.gateway.application.BodyTooLargeException;
import io.nanopulse.gateway.application.KeyStoreUnavailableException;
import io.nanopulse.gateway.application.ServiceUnavailableException;
import io.nanopulse.gateway.application.TooManyStreamsException;
import io.nanopulse.gateway.application.UnreadableBodyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error leaves as application/problem+json (contracts' {@link ProblemResponses}): what all Nanopulse
 * APIs share is delegated there; what is the gateway's own (authentication, limits, the services and the key
 * store being out of reach) is mapped here.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String CONNECTION = "Connection";

    private static Response unauthorized(String detail) {
        return ProblemResponses.builder(Problem.of(ProblemType.UNAUTHENTICATED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE)
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationCompletionException.class})
    public Response missingKey(RuntimeException e) {
        return unauthorized("a valid API key is required: Authorization: Bearer np_...");
    }

    @ServerExceptionMapper
    public Response badKey(AuthenticationFailedException e) {
        return unauthorized("the API key is unknown, revoked or malformed");
    }

    @ServerExceptionMapper
    public Response addressLimited(ClientAddressLimitedException e) {
        return RateLimitFilter.limited(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN, "this API key does not hold a role this operation requires"));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e);
    }

    /** Bean Validation of the gateway's own bodies: each field by its JSON path, list elements by index (roles[0]). */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class, JsonProcessingException.class})
    public Response json(JsonProcessingException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.BODY_TOO_LARGE, e.getMessage())
                        .withErrors(List.of(new FieldError("body", "at most " + e.limit() + " bytes"))))
                .header(CONNECTION, "close").build();
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableBodyException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.UNREADABLE_BODY, e.getMessage()))
                .header(CONNECTION, "close").build();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return ProblemResponses.builder(Problem.unavailable(e.service().id(), e.getMessage() + "; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreamsException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.RATE_LIMITED, e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TooManyStreamsException.RETRY_AFTER_SECONDS))
                .build();
    }

    @ServerExceptionMapper
    public Response keyStoreUnavailable(KeyStoreUnavailableException e) {
        LOG.warnf("answering 503: %s (%s)", e.getMessage(), e.getCause());
        return ProblemResponses.builder(Problem.unavailable("gateway", e.getMessage() + "; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(KeyStoreUnavailableException.RETRY_AFTER_SECONDS))
                .build();
    }

    @ServerExceptionMapper
    public Response passThrough(PassThroughException e) {
        return e.response();
    }

    /** Framework answers (no such path, method, media type) with a hint where to look; Allow is kept. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return ProblemResponses.unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return ProblemResponses.of(e);
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource; the API is under /api/v1 (see /q/openapi)";
            case 405 -> "this resource does not take that method";
            case 406 -> "answers are application/json (errors application/problem+json)";
            case 415 -> "unsupported Content-Type for this operation (see /q/openapi)";
            default -> title;
        };
        Response.ResponseBuilder out = ProblemResponses.builder(Problem.of(ProblemType.forStatus(status), status, title, detail));
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            out.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return out.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return ProblemResponses.unexpected(e);
    }
}
