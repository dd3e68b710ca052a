package io.nanopulse.gateway.api;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.gateway.application.Forwarding;
import io.nanopulse.gateway.application.Reply;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The resources' way to a service: forwards as the authenticated caller (see {@link Forwarding}) and turns the
 * service's answer into the gateway's. A service's problem+json passes through as it is; any other error
 * answer (a framework page, an empty body) becomes a problem naming the service. Locations are rewritten
 * under /api/v1.
 */
@ApplicationScoped
public class Forwarder {
    public static final String API_PREFIX = "/api/v1";

    /**
     * A service's Location under /api/v1: services write it absolute on their own (internal) address, which
     * clients must not see, so only its path and query are kept.
     */
    static String location(String serviceLocation) {
        String path = serviceLocation;
        try {
            URI uri = new URI(serviceLocation);
            if (uri.isAbsolute()) {
                path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (URISyntaxException e) {
            return serviceLocation;
        }
        return path.startsWith("/") ? API_PREFIX + path : path;
    }

    private final Forwarding forwarding;
    private final SecurityIdentity identity;

    public Forwarder(Forwarding forwarding, SecurityIdentity identity) {
        this.forwarding = forwarding;
        this.identity = identity;
    }

    public Uni<Response> get(Service service, Query uri) {
        return call(service, Verb.GET, uri);
    }

    /** A read whose answer is the same for every caller, reused for a short while. */
    public Uni<Response> getShared(Service service, Query uri) {
        return forwarding.shared(service, uri).map(reply -> toResponse(service, reply));
    }

    public Uni<Response> delete(Service service, Query uri) {
        return call(service, Verb.DELETE, uri);
    }

    /** A call without a body. */
    public Uni<Response> call(Service service, Verb verb, Query uri) {
        return forwarding.call(service, verb, uri, principal(), null, null).map(reply -> toResponse(service, reply));
    }

    /** Blocking: reads a JSON body (bounded by nanopulse.gateway.limits.max-json-body) and forwards it. */
    public Uni<Response> send(Service service, Verb verb, Query uri, InputStream body) {
        return forwarding.send(service, verb, uri, principal(), body).map(reply -> toResponse(service, reply));
    }

    /**
     * Blocking: a public operation's JSON body, forwarded for nobody ({@link Forwarding#ANONYMOUS}) whoever calls,
     * since the body itself carries the credential.
     */
    public Uni<Response> sendAnonymously(Service service, Verb verb, Query uri, InputStream body) {
        return forwarding.send(service, verb, uri, Forwarding.ANONYMOUS, body).map(reply -> toResponse(service, reply));
    }

    /** Blocking: streams a body of any length through to the service. */
    public Response stream(Service service, Query uri, String contentType, InputStream body, long limit) {
        return toResponse(service, forwarding.stream(service, uri, principal(), contentType, body, limit));
    }

    /** The data of each event of a service's Server-Sent Events stream. */
    public Multi<String> events(Service service, Query uri) {
        return forwarding.events(service, uri, principal());
    }

    /** The authenticated caller and its roles, as the service receives them. */
    private ForwardedIdentity principal() {
        return ForwardedIdentity.of(identity.getPrincipal().getName(), identity.getRoles());
    }

    static Response toResponse(Service service, Reply reply) {
        int status = reply.status();
        String type = reply.contentType();
        if (status >= 400 && (type == null || !type.toLowerCase(Locale.ROOT).startsWith(Problem.MEDIA_TYPE))) {
            Response.StatusType known = Response.Status.fromStatusCode(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            return ProblemResponses.of(Problem.of(ProblemType.DOWNSTREAM_ERROR, status, title,
                    service.displayName() + " answered " + status).withService(service.id()));
        }
        Response.ResponseBuilder out = Response.status(status);
        if (reply.hasBody()) {
            out.entity(reply.body()).type(type == null ? MediaType.APPLICATION_JSON : type);
        }
        if (reply.location() != null) {
            out.header(HttpHeaders.LOCATION, location(reply.location()));
        }
        if (reply.retryAfter() != null) {
            out.header(HttpHeaders.RETRY_AFTER, reply.retryAfter());
        }
        return out.build();
    }
}
