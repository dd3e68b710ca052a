package io.nanopulse.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.gateway.auth.ApiKeyAuthenticationMechanism;
import io.nanopulse.gateway.auth.KeyStoreUnavailableException;
import io.nanopulse.gateway.client.BodyTooLargeException;
import io.nanopulse.gateway.client.ServiceUnavailableException;
import io.nanopulse.gateway.client.UnreadableBodyException;
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
import java.util.NoSuchElementException;
import java.util.UUID;

/** Every error leaves as application/problem+json: auth, limits, downstream outages, and the unexpected. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response unauthorized(String detail) {
        return Problems.response(Problems.of(401, "unauthenticated", "Unauthorized", detail))
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
    public Response forbidden(ForbiddenException e) {
        return Problems.response(Problems.of(403, "forbidden", "Forbidden",
                "this API key does not hold a role this operation requires")).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Problems.response(Problems.invalid(e.field(), e.reason())).build();
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldErrorView(field(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldErrorView::field)).toList();
        return Problems.response(new Problem(Problems.TYPE_BASE + "invalid-request", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : "request has invalid fields",
                null, errors)).build();
    }

    /** "create.body.roles[0].<list element>" → "roles[0]": drop the method and parameter nodes. */
    static String field(jakarta.validation.Path path) {
        List<jakarta.validation.Path.Node> nodes = new java.util.ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = Math.min(2, Math.max(0, nodes.size() - 1)); i < nodes.size(); i++) {
            jakarta.validation.Path.Node node = nodes.get(i);
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                out.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
            } else if (node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.response(Problems.invalid("body", "is not valid JSON of the expected shape")).build();
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return Problems.response(Problems.of(404, "not-found", "Not found", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return Problems.response(Problems.of(409, "conflict", "Conflict", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return Problems.response(new Problem(Problems.TYPE_BASE + "body-too-large", "Body too large", 413,
                e.getMessage(), null, List.of(new Problem.FieldErrorView("body", "at most " + e.limit() + " bytes"))))
                .header("Connection", "close").build();
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableBodyException e) {
        return Problems.response(Problems.of(400, "unreadable-body", "Unreadable body", e.getMessage()))
                .header("Connection", "close").build();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return Problems.response(Problems.unavailable(e.service().id(), e.getMessage() + "; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response keyStoreUnavailable(KeyStoreUnavailableException e) {
        LOG.warnf("answering 503: %s (%s)", e.getMessage(), e.getCause());
        return Problems.response(Problems.unavailable("gateway", e.getMessage() + "; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(KeyStoreUnavailableException.RETRY_AFTER_SECONDS))
                .build();
    }

    @ServerExceptionMapper
    public Response passThrough(PassThroughException e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource; the API is under /api/v1 (see /q/openapi)";
            case 405 -> "this resource does not take that method";
            case 406 -> "answers are application/json (errors application/problem+json)";
            case 415 -> "unsupported Content-Type for this operation (see /q/openapi)";
            default -> title;
        };
        Response.ResponseBuilder out = Problems.response(Problems.of(status, title.toLowerCase().replace(' ', '-'), title, detail));
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            out.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return out.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return Problems.response(Problems.of(500, "internal", "Internal error", "unexpected failure; incident " + incident))
                .build();
    }
}
