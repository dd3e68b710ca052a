package io.nanopulse.alerts.client;

import io.nanopulse.alerts.application.port.WebhookTransport;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.WebhookSigner;
import io.nanopulse.alerts.domain.WebhookUrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One signed Standard Webhooks POST. JDK HttpClient: connect timeout, a total timeout covering the
 * response body too, redirects never followed (a redirect counts as a failure: following it would let
 * a receiver point us at an internal address). The URL is checked against the SSRF policy again right
 * before sending.
 */
@ApplicationScoped
public class WebhookSender implements WebhookTransport {
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final HttpClient client;
    private final WebhookUrlPolicy policy;
    private final Duration requestTimeout;

    @Inject
    public WebhookSender(AlertsConfig config) {
        this.requestTimeout = config.webhook().requestTimeout();
        this.policy = config.webhookUrlPolicy();
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public AttemptResult send(Claim claim) {
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        Optional<String> refusal = policy.refusal(claim.url());
        if (refusal.isPresent()) {
            return new AttemptResult(at, null, 0, "refused: webhookUrl " + refusal.get(), null);
        }
        String msgId = WebhookSigner.messageId(claim.deliveryId());
        long timestamp = at.getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(claim.url()))
                .timeout(requestTimeout)
                .header("content-type", CONTENT_TYPE)
                .header("user-agent", "Nanopulse-Alerts/1.0")
                .header("webhook-id", msgId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signatureHeader(claim.secrets(), msgId, timestamp, claim.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8));
        if (claim.traceparent() != null) {
            request.header("traceparent", claim.traceparent());
        }
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            long latency = elapsedMs(t0);
            Duration retryAfter = response.headers().firstValue("retry-after")
                    .flatMap(h -> RetryAfter.parse(h, Instant.now())).orElse(null);
            String error = response.statusCode() >= 300 && response.statusCode() < 400 ? "redirect not followed" : null;
            return new AttemptResult(at, response.statusCode(), latency, error, retryAfter);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new AttemptResult(at, null, elapsedMs(t0), "timeout after " + requestTimeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new AttemptResult(at, null, elapsedMs(t0), describe(cause), null);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new AttemptResult(at, null, elapsedMs(t0), "interrupted", null);
        }
    }

    private static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName();
        if (t instanceof java.net.http.HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (t instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
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
