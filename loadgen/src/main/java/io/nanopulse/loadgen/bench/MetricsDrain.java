package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.loadgen.LoadGen;
import io.nanopulse.testkit.platform.ServiceProcess;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;
import static io.nanopulse.loadgen.bench.BenchRun.quiet;

/**
 * metrics-service draining backlogs of new patents written straight to patent-events ({@code metricsDrain}),
 * timed by its applied-events counter read through its API ({@link MetricsProgress}). Three measurements:
 * <ul>
 * <li>{@code running}: the service has run since the replay; a backlog is written to Kafka at full speed while
 * it consumes, the producer sharing the machine's cores;</li>
 * <li>{@code warm}: the same long-running service is paused (POST /admin/consumption/pause), a backlog is
 * written, and it is resumed: records already in the topic, consumed by a service past its JIT warm-up, the
 * way Kafka's ConsumerPerformance (reported beside it) measures the raw consumer. This is the aggregation
 * rate the throughput goal is about; the CPU each process spent on it is reported with it;</li>
 * <li>{@code restartedCold}: the service is stopped, a backlog is written, and it is started again; the backlog
 * is timed from ready, with the JIT compilers at work.</li>
 * </ul>
 */
final class MetricsDrain implements Scenario {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void run(BenchRun run) throws Exception {
        var platform = run.platform();
        ServiceProcess metrics = platform.service("metrics-service");
        var proof = MetricsProgress.proof(platform);
        var progress = new MetricsProgress(metrics, proof);
        String bootstrap = platform.kafka().bootstrapServers();
        double backlogScale = Math.max(0.05, run.scale() / 4);
        var r = new LinkedHashMap<String, Object>();

        var records = LoadGen.directRecords(98, backlogScale); // generated before the clock starts
        long before = progress.eventsApplied();
        long t0 = System.nanoTime();
        LoadGen.produceDirect(bootstrap, records);
        r.put("running", rate(records.size(), progress.awaitApplied(before + records.size()), t0));
        log("metrics drain, running: %s", r.get("running"));
        records = null;

        long applied = progress.eventsApplied(); // nothing else arrives: the count the backlogs add to
        consumption(metrics, proof, "pause");
        long backlog = LoadGen.produceDirect(bootstrap, 99, backlogScale);
        log("metrics drain: %,d records waiting; resuming metrics-service", backlog);
        quiet();
        var processes = ProcessSampler.of(platform);
        Map<String, Double> cpuBefore = processes.cpuNow();
        t0 = System.nanoTime();
        consumption(metrics, proof, "resume");
        MetricsProgress.Sample done = progress.awaitApplied(applied + backlog);
        var warm = rate(done.applied() - applied, done, t0);
        // Where a warm drain's CPU goes; the other services are idle but for what the drain causes (metric-changes).
        warm.put("cpu", processes.cpuSince(cpuBefore, done.applied() - applied));
        r.put("warm", warm);
        log("metrics drain, warm: %s", warm);

        applied = done.applied();
        metrics.stop();
        backlog = LoadGen.produceDirect(bootstrap, 97, backlogScale);
        log("metrics drain: %,d records waiting; restarting metrics-service", backlog);
        quiet();
        metrics.start();
        metrics.awaitReady(Duration.ofSeconds(120));
        // The clock starts once the service is ready; what it applied while starting counts as drained by then.
        t0 = System.nanoTime();
        r.put("restartedCold", rate(backlog, progress.awaitApplied(applied + backlog), t0));
        if (run.results().get("raw") instanceof Map<?, ?> raw) {
            r.put("rawKafkaConsumerRecordsPerSecond", raw.get("kafkaConsumerRecordsPerSecond"));
        }
        run.put("metricsDrain", r);
        log("metrics drain: %s", r);
    }

    /** Pauses or resumes metrics-service's consumption of patent-events (its operator endpoint). */
    private static void consumption(ServiceProcess metrics, IdentityProof proof, String action) throws Exception {
        var response = HTTP.send(MetricsProgress.request(metrics, proof, "POST", "/admin/consumption/" + action)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("consumption " + action + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The rate of {@code events} applied between {@code t0} and a sample. */
    static Map<String, Object> rate(long events, MetricsProgress.Sample done, long t0) {
        double seconds = (done.nanos() - t0) / 1e9;
        var r = new LinkedHashMap<String, Object>();
        r.put("records", events);
        r.put("seconds", Math.round(seconds * 100) / 100.0);
        r.put("eventsPerSecond", Math.round(events / seconds));
        return r;
    }
}
