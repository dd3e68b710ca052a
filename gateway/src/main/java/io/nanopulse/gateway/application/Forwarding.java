package io.nanopulse.gateway.application;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Forwards a caller's request to the service that answers it. Client headers are never copied: the gateway
 * sets what the service needs, and the client adapter adds the proof of the authenticated caller (principal and
 * roles, see {@link io.nanopulse.contracts.trust.IdentityProof}), so a client-supplied identity cannot reach a
 * service. JSON bodies are read whole and bounded;
 * events and imports stream through; reads that are the same for every caller go through the read cache.
 */
@ApplicationScoped
public class Forwarding {
    /** Who the gateway's own calls (shared reads, status probes) are made for. */
    public static final ForwardedIdentity GATEWAY = ForwardedIdentity.of("service:gateway", "read");
    /**
     * Who a call of the operation open to all is made for: nobody, without roles (its body holds the credential);
     * no API-key principal contains ':', so no key can be this one.
     */
    public static final ForwardedIdentity ANONYMOUS = ForwardedIdentity.of("service:anonymous");
    static final String ACCEPT = "Accept";
    static final String CONTENT_TYPE = "Content-Type";
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private final Downstream downstream;
    private final ReadCache readCache;
    private final JsonBodies jsonBodies;

    public Forwarding(Downstream downstream, ReadCache readCache, JsonBodies jsonBodies) {
        this.downstream = downstream;
        this.readCache = readCache;
        this.jsonBodies = jsonBodies;
    }

    /** A call without a body, or with one already read. */
    public Uni<Reply> call(Service service, Verb verb, Query uri, ForwardedIdentity caller, String contentType, byte[] body) {
        Map<String, String> headers = serviceHeaders();
        if (body != null) {
            headers.put(CONTENT_TYPE, contentType == null ? JSON : contentType);
        }
        return downstream.call(service, verb, uri.uri(), caller, headers, body);
    }

    /** A read whose answer is the same for every caller, reused for a short while (see {@link ReadCache}). */
    public Uni<Reply> shared(Service service, Query uri) {
        return readCache.get(service, uri.uri());
    }

    /** Blocking: reads a JSON body (bounded by nanopulse.gateway.limits.max-json-body) and forwards it. */
    public Uni<Reply> send(Service service, Verb verb, Query uri, ForwardedIdentity caller, InputStream body) {
        return call(service, verb, uri, caller, JSON, jsonBodies.read(body));
    }

    /** Blocking: streams a body of any length through to the service. */
    public Reply stream(Service service, Query uri, ForwardedIdentity caller, String contentType, InputStream body, long limit) {
        Map<String, String> headers = serviceHeaders();
        headers.put(CONTENT_TYPE, contentType);
        return downstream.upload(service, uri.uri(), caller, headers, body, limit);
    }

    /** The data of each Server-Sent Event of a service's stream, as it arrives. */
    public Multi<String> events(Service service, Query uri, ForwardedIdentity caller) {
        Map<String, String> headers = new HashMap<>();
        headers.put(ACCEPT, EVENT_STREAM);
        return downstream.events(service, uri.uri(), caller, headers);
    }

    /** What every call to a service carries, whoever asks. */
    static Map<String, String> serviceHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put(ACCEPT, JSON + ", application/problem+json");
        return headers;
    }
}
