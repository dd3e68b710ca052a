package io.nanopulse.gateway.application;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.io.InputStream;
import java.util.Map;

/**
 * Port: calls to the services behind the gateway (implemented by the HTTP client adapter). An answer of the
 * service, 4xx and 5xx included, is a {@link Reply}; a service that cannot be reached, does not answer in
 * time or whose circuit breaker is open fails the call with {@link ServiceUnavailableException}. Every call is
 * made for a {@link ForwardedIdentity}, which the service receives with its proof.
 */
public interface Downstream {

    /** A whole request/response call; reads (GET) may be retried, writes are not. */
    Uni<Reply> call(Service service, Verb verb, String uri, ForwardedIdentity caller, Map<String, String> headers, byte[] body);

    /**
     * Blocking: streams a request body of any length to the service as it is read, with one chunk in memory.
     *
     * @throws BodyTooLargeException  when more than {@code limit} bytes come
     * @throws UnreadableBodyException when the body cannot be read to its end
     */
    Reply upload(Service service, String uri, ForwardedIdentity caller, Map<String, String> headers, InputStream body, long limit);

    /**
     * Opens a Server-Sent Events stream and yields the data of each event as it arrives; an answer other than
     * 200 yields no event.
     */
    Multi<String> events(Service service, String uri, ForwardedIdentity caller, Map<String, String> headers);

    /** CLOSED, OPEN or HALF_OPEN: the state of the circuit breaker towards the service. */
    String breakerState(Service service);
}
