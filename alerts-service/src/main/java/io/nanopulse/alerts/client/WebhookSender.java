package io.nanopulse.alerts.client;

import io.nanopulse.alerts.application.port.WebhookTransport;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.WebhookSigner;
import io.nanopulse.alerts.domain.WebhookTarget;
import io.nanopulse.alerts.domain.WebhookUrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One signed Standard Webhooks POST. The URL is checked against the SSRF policy right before sending, which
 * resolves the host once; the request then goes to one of exactly those checked addresses (Vert.x
 * {@link RequestOptions#setServer}: no second DNS lookup), while the Host header, TLS SNI and certificate
 * verification use the name from the URL. Connect timeout, a total timeout covering the response body too,
 * redirects never followed (a redirect counts as a failure: following it would let a receiver point us at
 * an internal address).
 */
@ApplicationScoped
public class WebhookSender implements WebhookTransport {
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final HttpClient client;
    private final WebhookUrlPolicy policy;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    @Inject
    public WebhookSender(AlertsConfig config, Vertx vertx) {
        this(vertx, config.webhookUrlPolicy(), config.webhook().connectTimeout(), config.webhook().requestTimeout());
    }

    public WebhookSender(Vertx vertx, WebhookUrlPolicy policy, Duration connectTimeout, Duration requestTimeout) {
        this(vertx, policy, new HttpClientOptions(), connectTimeout, requestTimeout);
    }

    /** Starting from {@code base} client options (tests: a trust store for their own TLS receiver). */
    WebhookSender(Vertx vertx, WebhookUrlPolicy policy, HttpClientOptions base, Duration connectTimeout, Duration requestTimeout) {
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = vertx.createHttpClient(new HttpClientOptions(base)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setTrustAll(false));
    }

    @Override
    public AttemptResult send(Claim claim) {
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        WebhookUrlPolicy.Verdict verdict = policy.check(claim.url());
        if (!verdict.allowed()) {
            return new AttemptResult(at, null, 0, "refused: webhookUrl " + verdict.refusal(), null);
        }
        WebhookTarget target = verdict.target();
        String msgId = WebhookSigner.messageId(claim.deliveryId());
        long timestamp = at.getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "Nanopulse-Alerts/1.0")
                .putHeader("webhook-id", msgId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signatureHeader(claim.secrets(), msgId, timestamp, claim.payload()));
        if (claim.traceparent() != null) {
            options.putHeader("traceparent", claim.traceparent());
        }
        Buffer body = Buffer.buffer(claim.payload().getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        CompletableFuture<HttpClientResponse> call = client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(body);
                })
                .compose(response -> {
                    response.handler(chunk -> { }); // the body is not needed: read and dropped
                    return response.end().map(response);
                })
                .toCompletionStage().toCompletableFuture();
        try {
            HttpClientResponse response = call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            long latency = elapsedMs(t0);
            String retryAfterHeader = response.getHeader("retry-after");
            Duration retryAfter = retryAfterHeader == null ? null : RetryAfter.parse(retryAfterHeader, Instant.now()).orElse(null);
            String error = response.statusCode() >= 300 && response.statusCode() < 400 ? "redirect not followed" : null;
            return new AttemptResult(at, response.statusCode(), latency, error, retryAfter);
        } catch (TimeoutException e) {
            abort(sent);
            return new AttemptResult(at, null, elapsedMs(t0), "timeout after " + requestTimeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new AttemptResult(at, null, elapsedMs(t0), describe(cause), null);
        } catch (InterruptedException e) {
            abort(sent);
            Thread.currentThread().interrupt();
            return new AttemptResult(at, null, elapsedMs(t0), "interrupted", null);
        }
    }

    private static void abort(AtomicReference<HttpClientRequest> sent) {
        HttpClientRequest request = sent.get();
        if (request != null) {
            request.reset();
        }
    }

    private static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName();
        if (t instanceof io.netty.channel.ConnectTimeoutException) {
            return "connect timeout";
        }
        if (t instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String msg = t.getMessage();
        String text = msg == null ? kind : kind + ": " + msg;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
