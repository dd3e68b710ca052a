package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.SigningKeys;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.platform.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * metrics-service's progress, read through its API: GET /metrics/progress/applied for {@code eventsApplied},
 * the counter each batch commits with its effects (one row, cheap to poll inside a timed window), and
 * GET /metrics/progress for the whole view ({@code patents} the patents it stores). Every call is proven as
 * {@link #BENCH} with the platform's internal signing key, as the gateway proves its own.
 */
final class MetricsProgress {
    /** Time between two looks while waiting for a count. */
    static final Duration LOOK_INTERVAL = Duration.ofMillis(100);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Who the benchmark's direct calls to metrics-service are made for. */
    static final ForwardedIdentity BENCH = ForwardedIdentity.of("bench", "admin", "read");

    private final ServiceProcess metrics;
    private final IdentityProof proof;

    MetricsProgress(ServiceProcess metrics, IdentityProof proof) {
        this.metrics = metrics;
        this.proof = proof;
    }

    /** The proof of the platform's services, from its key file. */
    static IdentityProof proof(LocalPlatform platform) {
        return new IdentityProof(SigningKeys.read(platform.signingKeyFile()));
    }

    /** A request to {@code target} of metrics-service, proven as {@link #BENCH}. */
    static HttpRequest.Builder request(ServiceProcess metrics, IdentityProof proof, String method, String target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(metrics.url() + target)).timeout(Duration.ofSeconds(30));
        proof.sign(BENCH, method, target).forEach(request::header);
        return request;
    }

    /** The whole progress view. */
    JsonNode read() throws Exception {
        return get(request(metrics, proof, "GET", "/metrics/progress").build());
    }

    /** Events metrics-service has applied so far. */
    long eventsApplied() throws Exception {
        JsonNode applied = get(request(metrics, proof, "GET", "/metrics/progress/applied").build()).get("eventsApplied");
        if (applied == null || !applied.canConvertToLong()) {
            throw new IllegalStateException("GET /metrics/progress/applied reports no eventsApplied");
        }
        return applied.asLong();
    }

    private static JsonNode get(HttpRequest request) throws Exception {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    /** An applied-events count and when it was read ({@link System#nanoTime()}). */
    record Sample(long nanos, long applied) {
    }

    /**
     * Waits until metrics-service has applied {@code target} events in all, looking every
     * {@link #LOOK_INTERVAL}; returns the first look that saw it. Fails after 10 minutes.
     */
    Sample awaitApplied(long target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            long applied = eventsApplied();
            long now = System.nanoTime();
            if (applied >= target) return new Sample(now, applied);
            if (now > deadline) throw new IllegalStateException(metrics.name() + " did not drain its backlog in 10 minutes");
            Thread.sleep(LOOK_INTERVAL.toMillis());
        }
    }
}
