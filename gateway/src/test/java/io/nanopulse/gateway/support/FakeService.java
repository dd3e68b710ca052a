package io.nanopulse.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.InvalidProofException;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.trust.GatewayProof;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stand-in for one service on the testkit's {@link HttpStub} (the full cross-service flow is tested
 * elsewhere): answers by path prefix, records what it received, and can be stopped and started again on the
 * same port. An answer body may hold {@code ${bodyBytes}}, replaced by the size of the request's body. Like the
 * real services, it refuses a request outside /q/ without a valid identity proof (testkit's test key) with 401.
 */
public final class FakeService {
    /** One received request: what the gateway actually sent. */
    public record Received(String method, String uri, Map<String, List<String>> headers, long bodyBytes) {
    }

    /** An answer; {@code location}, when not null, is sent as the Location header. */
    public record Answer(int status, String contentType, String body, String location) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private final HttpStub stub;
    /** Every request received so far, oldest first (a live view). */
    public final List<Received> received;
    /** Request body bytes read so far, updated while a body streams in. */
    public final AtomicLong bodyBytesSeen;

    public FakeService(int port) {
        this.stub = new HttpStub(port);
        this.received = new ReceivedView(stub);
        this.bodyBytesSeen = stub.bodyBytes();
    }

    /** On a port the system picks when it first starts (no window for another process to take it first). */
    public FakeService() {
        this(0);
    }

    public int port() {
        return stub.port();
    }

    public String url() {
        return stub.url();
    }

    public FakeService route(String pathPrefix, Function<HttpExchange, Answer> answer) {
        return routeRequest(pathPrefix, request -> answer.apply(request.exchange()));
    }

    /** Like {@link #route(String, Function)}, given the whole request (its body and proof too). */
    public FakeService routeRequest(String pathPrefix, Function<HttpStub.Request, Answer> answer) {
        stub.route(pathPrefix, request -> {
            if (!request.path().startsWith("/q/")) {
                try {
                    GatewayProof.proven(request);
                } catch (InvalidProofException e) {
                    return HttpStub.Reply.of(401, "application/problem+json", "{\"status\":401,\"detail\":\"unproven\"}");
                }
            }
            Answer a = answer.apply(request);
            String body = a.body().replace("${bodyBytes}", Integer.toString(request.body().length));
            if (a.location() != null) {
                return new HttpStub.Reply(a.status(), Map.of("Content-Type", a.contentType(), "Location", a.location()),
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HttpStub.Reply.of(a.status(), a.contentType(), body);
        });
        return this;
    }

    public FakeService route(String pathPrefix, String json) {
        return route(pathPrefix, x -> Answer.json(json));
    }

    /** Starts serving; after {@link #stop()}, on the same port. */
    public void start() {
        stub.start();
    }

    /** Stops serving: connections are refused until {@link #start()}. */
    public void stop() {
        stub.stop();
    }

    /** The identity the last request proved. */
    public ForwardedIdentity proven() {
        return GatewayProof.proven(stub.last());
    }

    public Received last() {
        HttpStub.Request r = stub.last();
        return r == null ? null : received(r);
    }

    private static Received received(HttpStub.Request r) {
        return new Received(r.method(), r.uri().toString(), r.headers(), r.body().length);
    }

    private static final class ReceivedView extends AbstractList<Received> implements RandomAccess {
        private final HttpStub stub;

        ReceivedView(HttpStub stub) {
            this.stub = stub;
        }

        @Override
        public Received get(int index) {
            return received(stub.requests().get(index));
        }

        @Override
        public int size() {
            return stub.requests().size();
        }
    }
}
