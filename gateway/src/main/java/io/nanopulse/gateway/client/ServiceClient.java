package io.nanopulse.gateway.client;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.gateway.application.BodyTooLargeException;
import io.nanopulse.gateway.application.Reply;
import io.nanopulse.gateway.application.ServiceUnavailableException;
import io.nanopulse.gateway.application.UnreadableBodyException;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.SseParser;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * HTTP client of one service: a pooled Vert.x client, and SmallRye Fault Tolerance guards around every call.
 * Order (as with the annotations): Retry (idempotent GETs only) → CircuitBreaker (one per service, shared by
 * every call to it, so it opens for the service as a whole) → Timeout → the call. Bodies pass through as bytes:
 * the gateway does not depend on the fields of the services' JSON. A failure to reach the service, a timeout
 * or an open breaker becomes {@link ServiceUnavailableException}; answers of the service (also 4xx/5xx) are
 * not failures and pass through. Every request carries the {@link IdentityProof} of its caller, signed for its
 * method and target as sent (each retry signs anew).
 *
 * <p>These calls do not go through the typed REST client (see {@link RestServiceProbes}, which does): they pass
 * bytes through unparsed, stream uploads of any length with one chunk in memory and stop as soon as the service
 * answers, and hold event streams open, all under the one circuit breaker of the service.
 */
public final class ServiceClient {
    private static final Logger LOG = Logger.getLogger(ServiceClient.class);
    private static final TypeLiteral<Uni<Reply>> REPLY = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Uni<HttpClientResponse>> RESPONSE = new TypeLiteral<>() {
    };
    private static final int CHUNK = 64 * 1024;

    private final Service service;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final String basePath;
    private final Guard retry;
    private final Guard breaker;
    private final Guard timeout;
    private final GatewayConfig.Downstream config;
    private final IdentityProof proof;
    private volatile CircuitBreakerState breakerState = CircuitBreakerState.CLOSED;

    ServiceClient(Service service, URI base, Vertx vertx, GatewayConfig.Downstream config, IdentityProof proof) {
        this.service = service;
        this.config = config;
        this.proof = proof;
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(tls)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setName("gateway-" + service.id()));
        this.breaker = Guard.create()
                .withDescription(service.displayName())
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breakerRequestVolume())
                .failureRatio(config.breakerFailureRatio())
                .delay(config.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                // A client that sent too much or went away is not the service failing.
                .skipOn(List.of(BodyTooLargeException.class, UnreadableBodyException.class))
                .onStateChange(this::breakerChanged)
                .done()
                .build();
        this.timeout = Guard.create()
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .build();
        this.retry = Guard.create()
                .withRetry()
                .maxRetries(config.retries())
                .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.retryDelay().toMillis() / 2, ChronoUnit.MILLIS)
                .abortOn(CircuitBreakerOpenException.class)
                .done()
                .build();
    }

    CircuitBreakerState breakerState() {
        return breakerState;
    }

    private void breakerChanged(CircuitBreakerState state) {
        breakerState = state;
        LOG.infof("circuit breaker of %s is now %s", service.displayName(), state);
    }

    /** A whole request/response call; GETs are retried, others are not (they may not be idempotent). */
    Uni<Reply> call(Verb verb, String uri, ForwardedIdentity caller, Map<String, String> headers, byte[] bytes) {
        HttpMethod method = HttpMethod.valueOf(verb.name());
        Buffer body = bytes == null ? null : Buffer.buffer(bytes);
        Supplier<Uni<Reply>> attempt = () -> breaker.get(
                () -> timeout.get(() -> exchange(method, uri, caller, headers, body), REPLY), REPLY);
        Uni<Reply> guarded = verb.idempotentRead()
                ? Uni.createFrom().deferred(() -> retry.get(attempt, REPLY))
                : Uni.createFrom().deferred(() -> attempt.get());
        return guarded.onFailure(f -> !(f instanceof ServiceUnavailableException)).transform(this::unavailable);
    }

    private Uni<Reply> exchange(HttpMethod method, String uri, ForwardedIdentity caller, Map<String, String> headers, Buffer body) {
        RequestOptions options = options(method, uri, caller, headers).setIdleTimeout(config.timeout().toMillis());
        return http.request(options)
                .flatMap(request -> body == null ? request.send() : request.send(body))
                .flatMap(response -> response.body().map(bytes -> reply(response, bytes)));
    }

    private RequestOptions options(HttpMethod method, String uri, ForwardedIdentity caller, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(basePath + uri);
        headers.forEach(options::putHeader);
        proof.sign(caller, method.name(), basePath + uri).forEach(options::putHeader);
        return options;
    }

    private static Reply reply(HttpClientResponse response, Buffer body) {
        return new Reply(response.statusCode(), response.getHeader("Content-Type"), response.getHeader("Location"),
                response.getHeader("Retry-After"), body == null ? null : body.getBytes());
    }

    /**
     * Streams a request body of any length to the service as it is read (blocking; call on a worker thread):
     * each chunk is written only after the previous one went out, so memory stays at one chunk whatever the
     * size. Stops early if the service answers before the end (it refused the request).
     */
    Reply upload(String uri, ForwardedIdentity caller, Map<String, String> headers, InputStream body, long limit) {
        try {
            return breaker.call(() -> streamUpload(uri, caller, headers, body, limit), Reply.class);
        } catch (BodyTooLargeException | UnreadableBodyException e) {
            throw e;
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private Reply streamUpload(String uri, ForwardedIdentity caller, Map<String, String> headers, InputStream body, long limit) throws Exception {
        long idleMillis = config.streamIdleTimeout().toMillis();
        Duration idle = config.streamIdleTimeout();
        HttpClientRequest request = http.request(options(HttpMethod.POST, uri, caller, headers).setIdleTimeout(idleMillis))
                .await().atMost(config.connectTimeout().plus(config.timeout()));
        request.setChunked(true);
        // Body handling is attached as soon as the answer arrives: a body not consumed at once would be lost.
        CompletableFuture<Reply> response = request.response()
                .flatMap(answer -> answer.body().map(bytes -> reply(answer, bytes)))
                .subscribeAsCompletionStage();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (!response.isDone()) {
            int n;
            try {
                n = body.read(chunk);
            } catch (IOException e) {
                request.reset();
                throw new UnreadableBodyException(e);
            }
            if (n < 0) {
                request.end().await().atMost(idle);
                break;
            }
            total += n;
            if (total > limit) {
                request.reset();
                throw new BodyTooLargeException(limit);
            }
            try {
                request.write(Buffer.buffer(Arrays.copyOf(chunk, n))).await().atMost(idle);
            } catch (RuntimeException e) {
                if (!response.isDone()) {
                    throw e;
                }
            }
        }
        try {
            return response.get(idleMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Opens a streaming GET (Server-Sent Events) and yields the data of each event as its bytes arrive; an
     * answer other than 200 yields none. Cancelling the stream closes its connection (the service learns at
     * once that nobody reads it, and the pool does not keep a half-read answer).
     */
    Multi<String> events(String uri, ForwardedIdentity caller, Map<String, String> headers) {
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return Uni.createFrom().deferred(() -> breaker.get(() -> timeout.get(() -> http.request(
                        options(HttpMethod.GET, uri, caller, headers).setIdleTimeout(0)).invoke(sent::set).flatMap(HttpClientRequest::send)
                        // Held until read: the answer may arrive, even end, before the stream is subscribed.
                        .map(HttpClientResponse::pause), RESPONSE), RESPONSE))
                .onFailure(f -> !(f instanceof ServiceUnavailableException)).transform(this::unavailable)
                .onItem().transformToMulti(r -> r.statusCode() == 200 ? data(r.toMulti()) : discarded(r))
                // Also while the answer is awaited: it would otherwise hold its connection, unread, for good.
                .onCancellation().invoke(() -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.connection().closeAndForget();
                    }
                });
    }

    private static Multi<String> discarded(HttpClientResponse response) {
        response.resume();
        return Multi.createFrom().empty();
    }

    private static Multi<String> data(Multi<Buffer> chunks) {
        SseParser parser = new SseParser();
        return chunks.onItem().transformToIterable(b -> parser.feed(b.toString(StandardCharsets.UTF_8)));
    }

    ServiceUnavailableException unavailable(Throwable failure) {
        if (failure instanceof ServiceUnavailableException s) {
            return s;
        }
        String reason;
        long retryAfter = 1;
        if (failure instanceof CircuitBreakerOpenException) {
            reason = "circuit breaker open after repeated failures";
            retryAfter = Math.max(1, config.breakerDelay().toSeconds());
        } else if (failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.smallrye.mutiny.TimeoutException) {
            reason = "no answer within " + config.timeout().toMillis() + " ms";
        } else if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            reason = "connection refused";
        } else {
            reason = "connection failed: " + failure.getClass().getSimpleName();
        }
        LOG.warnf("%s unavailable: %s", service.displayName(), reason);
        return new ServiceUnavailableException(service, reason, retryAfter);
    }
}
