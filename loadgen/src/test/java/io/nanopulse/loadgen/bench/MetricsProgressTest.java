package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.SigningKeys;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.platform.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsProgressTest {
    private static final IdentityProof PROOF = new IdentityProof(SigningKeys.parse(Base64.getEncoder().encodeToString(new byte[32])));
    private static ServiceProcess metricsAt(HttpStub stub) {
        // Not started: only its name and URL are used.
        return new ServiceProcess("metrics-service", Path.of("quarkus-run.jar"), stub.port(), stub.port(), "64m", Map.of(), Path.of("metrics.log"), List.of());
    }

    @Test
    void readsTheAppliedCounterThroughTheApi() throws Exception {
        try (var stub = new HttpStub()
                .route("/metrics/progress/applied", HttpStub.Reply.json("{\"eventsApplied\":1234,\"deadLettered\":0}"))
                .route("/metrics/progress", HttpStub.Reply.json(
                        "{\"eventsApplied\":1000,\"eventsWithEffect\":1000,\"deadLettered\":0,\"patents\":900}")).start()) {
            var progress = new MetricsProgress(metricsAt(stub), PROOF);
            assertEquals(1234, progress.eventsApplied(), "the counter comes from the one-row endpoint");
            assertEquals("/metrics/progress/applied", stub.last().uri().toString());
            var last = stub.last();
            assertEquals(MetricsProgress.BENCH, PROOF.verify("GET", "/metrics/progress/applied", last.header("X-Nanopulse-Principal"),
                    last.header("X-Nanopulse-Roles"), last.header("X-Nanopulse-Proof")), "proven like the gateway's calls");
            assertEquals(900, progress.read().path("patents").asLong());
            assertEquals("GET", stub.last().method());
            assertEquals("/metrics/progress", stub.last().uri().toString());
        }
    }

    @Test
    void waitsForTheTargetAndReturnsTheFirstLookThatSawIt() throws Exception {
        var applied = new AtomicLong();
        try (var stub = new HttpStub().route("/metrics/progress",
                request -> HttpStub.Reply.json("{\"eventsApplied\":" + applied.addAndGet(100) + "}")).start()) {
            var progress = new MetricsProgress(metricsAt(stub), PROOF);
            long t0 = System.nanoTime();
            MetricsProgress.Sample done = progress.awaitApplied(450);
            assertEquals(500, done.applied(), "the fifth look sees 500");
            assertEquals(5, stub.requests().size());
            assertTrue(done.nanos() - t0 >= 4 * MetricsProgress.LOOK_INTERVAL.toNanos(), "looks are spaced");
            var rate = MetricsDrain.rate(400, done, t0);
            assertEquals(List.of("records", "seconds", "eventsPerSecond"), List.copyOf(rate.keySet()));
            assertEquals(400L, rate.get("records"));
        }
    }

    @Test
    void anAnswerWithoutTheCounterFails() throws Exception {
        try (var stub = new HttpStub().route("/metrics/progress", HttpStub.Reply.json("{}")).start()) {
            assertThrows(IllegalStateException.class, () -> new MetricsProgress(metricsAt(stub), PROOF).eventsApplied());
            stub.down();
            assertThrows(IllegalStateException.class, () -> new MetricsProgress(metricsAt(stub), PROOF).read());
        }
    }
}
