package io.nanopulse.gateway.rest;

import io.nanopulse.gateway.client.BodyTooLargeException;
import io.nanopulse.gateway.client.Reply;
import io.nanopulse.gateway.client.Service;
import io.nanopulse.gateway.client.ServiceClient;
import io.nanopulse.gateway.client.ServiceClients;
import io.nanopulse.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Forwards a call to a service and turns its answer into the gateway's. Client headers are never copied:
 * the gateway sets what the service needs, among them X-Nanopulse-Principal for alerts-service (the
 * authenticated principal), so a client-supplied one cannot reach a service.
 */
@ApplicationScoped
public class Forwarder {
    public static final String PRINCIPAL_HEADER = "X-Nanopulse-Principal";
    public static final String API_PREFIX = "/api/v1";

    private final ServiceClients clients;
    private final SecurityIdentity identity;
    private final GatewayConfig config;
    private final ReadCache readCache;

    public Forwarder(ServiceClients clients, SecurityIdentity identity, GatewayConfig config,
                     ReadCache readCache) {
        this.clients = clients;
        this.identity = identity;
        this.config = config;
        this.readCache = readCache;
    }

    public Uni<Response> get(Service service, Query uri) {
        return call(service, HttpMethod.GET, uri, null, null);
    }

    /** A read whose answer is the same for every caller, reused for a short while (see ReadCache). */
    public Uni<Response> getShared(Service service, Query uri) {
        return readCache.get(service, uri.uri()).map(reply -> toResponse(service, reply));
    }

    public Uni<Response> delete(Service service, Query uri) {
        return call(service, HttpMethod.DELETE, uri, null, null);
    }

    public Uni<Response> call(Service service, HttpMethod method, Query uri, String contentType, byte[] body) {
        Map<String, String> headers = headers(service);
        if (body != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, contentType == null ? MediaType.APPLICATION_JSON : contentType);
        }
        ServiceClient client = clients.get(service);
        return client.call(method, uri.uri(), headers, body == null ? null : Buffer.buffer(body))
                .map(reply -> toResponse(service, reply));
    }

    /** Blocking: reads a JSON body (bounded by nanopulse.gateway.limits.max-json-body) and forwards it. */
    public Uni<Response> send(Service service, HttpMethod method, Query uri, InputStream body) {
        return call(service, method, uri, MediaType.APPLICATION_JSON, readBounded(body));
    }

    /** Blocking: streams a body of any length through to the service. */
    public Response stream(Service service, Query uri, String contentType, InputStream body, long limit) {
        Map<String, String> headers = headers(service);
        headers.put(HttpHeaders.CONTENT_TYPE, contentType);
        return toResponse(service, clients.get(service).upload(uri.uri(), headers, body, limit));
    }

    private byte[] readBounded(InputStream body) {
        long limit = config.limits().maxJsonBody();
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            if (bytes.length == 0) {
                throw new InvalidRequestException("body", "a JSON body is required");
            }
            return bytes;
        } catch (IOException e) {
            throw new io.nanopulse.gateway.client.UnreadableBodyException(e);
        }
    }

    public String principal() {
        return identity.getPrincipal().getName();
    }

    /** What every call to a service carries, whoever asks. */
    static Map<String, String> serviceHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON + ", application/problem+json");
        return headers;
    }

    Map<String, String> headers(Service service) {
        Map<String, String> headers = serviceHeaders();
        if (service == Service.ALERTS) {
            headers.put(PRINCIPAL_HEADER, identity.getPrincipal().getName());
        }
        return headers;
    }

    static Response toResponse(Service service, Reply reply) {
        int status = reply.status();
        String type = reply.contentType();
        if (status >= 400 && (type == null || !type.toLowerCase().startsWith(Problem.MEDIA_TYPE))) {
            // Not a problem document (a framework page, an empty body): replace it by one naming the service.
            Response.StatusType st = Response.Status.fromStatusCode(status);
            String title = st == null ? "Error" : st.getReasonPhrase();
            return Problems.response(new Problem(Problems.TYPE_BASE + "downstream-error", title, status,
                    service.displayName() + " answered " + status, service.id(), null)).build();
        }
        Response.ResponseBuilder out = Response.status(status);
        if (reply.body() != null && reply.body().length() > 0) {
            out.entity(reply.body().getBytes()).type(type == null ? MediaType.APPLICATION_JSON : type);
        }
        if (reply.location() != null) {
            out.header(HttpHeaders.LOCATION, reply.location().startsWith("/") ? API_PREFIX + reply.location() : reply.location());
        }
        if (reply.retryAfter() != null) {
            out.header(HttpHeaders.RETRY_AFTER, reply.retryAfter());
        }
        return out.build();
    }
}
