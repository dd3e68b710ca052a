package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.nanopulse.contracts.Json;
import io.nanopulse.loadgen.LoadGen;
import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.platform.ServiceProcess;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-platform benchmark (deploy/bench/run.sh): starts the platform on a fresh data folder, then
 * measures in one go (1) the raw limits — Kafka's own ProducerPerformance and ConsumerPerformance for
 * records of the corpus's size, and PostgreSQL multi-row inserts of patent rows; (2) the end-to-end
 * replay of the demo corpus, from the first request until the metrics API shows every event applied,
 * verified exact, on a platform warmed up by a tenth-size corpus of another seed (or cold, just started,
 * with {@code --cold}); (3) alert latency, ingest acknowledgement to webhook received, under background load;
 * (4) gateway query latency at a fixed rate (hey); (5) each service's start-up time and peak RSS.
 * Writes results.json and results.html (a chart) and prints a table.
 */
public final class Bench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path out;
    private final Path tools;
    private final double scale;
    private final boolean warm;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private LocalPlatform platform;

    private Bench(Path out, Path tools, double scale, boolean warm) {
        this.out = out;
        this.tools = tools;
        this.scale = scale;
        this.warm = warm;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("nanopulse.root", ".")).toAbsolutePath().normalize();
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        boolean warm = !(args.length > 1 && args[1].equals("--cold"));
        Path out = root.resolve("deploy/bench/out");
        new Bench(out, out.resolve("kafka-tools"), scale, warm).run(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void log(String fmt, Object... args) {
        System.err.printf("[bench] " + fmt + "%n", args);
    }

    private void run(Path root) throws Exception {
        Path data = out.resolve("platform");
        deleteTree(data);
        String admin = "np_" + LocalPlatform.randomSecret(32);
        var base = LocalPlatform.Settings.forTests(root, data, admin);
        var settings = new LocalPlatform.Settings(root, data, true, base.postgresPort(), base.kafkaPort(), base.gatewayPort(),
                base.ingestPort(), base.metricsPort(), base.alertsPort(), admin,
                Map.of("alerts-service", Map.of("NANOPULSE_ALERTS_WEBHOOK_ALLOW_HOSTS", "127.0.0.1",
                        "NANOPULSE_ALERTS_DELIVERY_POLL_INTERVAL", "1s")));
        platform = new LocalPlatform(settings);
        long t0 = System.currentTimeMillis();
        log("starting the platform (data in %s)", data);
        platform.start();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "scale", scale));
        var startup = new LinkedHashMap<String, Object>();
        platform.readyMillis().forEach((k, v) -> startup.put(k, v));
        results.put("startupMillis", startup);
        results.put("platformStartSeconds", (System.currentTimeMillis() - t0) / 1000.0);
        try {
            raw();
            replay();
            metricsQueryLatency(); // on the replayed corpus, about the 1.1 million patents the query goal names
            metricsDrain();
            alertLatency();
            gatewayLatency();
            memory();
        } finally {
            Files.writeString(out.resolve("results.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            Files.writeString(out.resolve("results.html"), Chart.html(results));
            platform.close();
        }
        System.out.println(Table.render(results));
        log("results in %s and %s", out.resolve("results.json"), out.resolve("results.html"));
    }

    // ---- 1. raw limits ---------------------------------------------------------------------------------

    private void raw() throws Exception {
        String bootstrap = platform.kafka().bootstrapServers();
        platform.kafka().createTopics(Map.of("bench-raw", 6));
        int records = (int) Math.max(200_000, 1_000_000 * Math.min(1, scale));
        var producer = List.of("acks=all", "enable.idempotence=true", "linger.ms=10", "batch.size=262144", "bootstrap.servers=" + bootstrap);
        var cmd = new ArrayList<>(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench-raw",
                "--num-records", Integer.toString(records), "--record-size", "250", "--throughput", "-1", "--producer-props"));
        cmd.addAll(producer);
        log("raw Kafka producer: warm-up run (discarded), then the measured run of %,d × 250 B", records);
        tool(cmd);
        String p = tool(cmd);
        Matcher m = Pattern.compile("([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency").matcher(p);
        var raw = new LinkedHashMap<String, Object>();
        if (m.find()) {
            raw.put("kafkaProducerRecordsPerSecond", Double.parseDouble(m.group(1)));
            raw.put("kafkaProducerMBPerSecond", Double.parseDouble(m.group(2)));
        }
        String c = tool(List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic", "bench-raw",
                "--messages", Integer.toString(records * 2), "--timeout", "60000"));
        // CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        for (String line : c.split("\n")) {
            String[] f = line.split(",");
            if (f.length >= 6 && f[0].matches("\\d{4}-.*")) {
                raw.put("kafkaConsumerRecordsPerSecond", Double.parseDouble(f[5].strip()));
                raw.put("kafkaConsumerMBPerSecond", Double.parseDouble(f[3].strip()));
            }
        }
        raw.put("postgresPatentRowsPerSecond", postgresInsertRate());
        results.put("raw", raw);
        log("raw: %s", raw);
    }

    private String tool(List<String> args) throws Exception {
        var cmd = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", tools + "/*"));
        cmd.addAll(args);
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes());
        if (!proc.waitFor(10, TimeUnit.MINUTES) || proc.exitValue() != 0) {
            throw new IllegalStateException(args.get(0) + " failed: " + output);
        }
        return output;
    }

    /** Multi-row inserts of patent-shaped rows (what metrics writes), in 5,000-row statements. */
    private double postgresInsertRate() throws Exception {
        int rows = 300_000;
        try (var c = DriverManager.getConnection(platform.postgres().jdbcUrl("postgres"), "postgres", "postgres");
             var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_patent");
            st.execute("CREATE TABLE bench_patent (patent_id varchar(32) PRIMARY KEY, country char(2), institution_raw varchar(512),"
                    + " institution_id varchar(512), sector varchar(16), city_key varchar(512), filing_date date)");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (var ins = c.prepareStatement("INSERT INTO bench_patent SELECT 'CN' || (200000000 + g), 'CN', 'Chinese Academy of Sciences',"
                    + " 'cas', 'MATERIALS', 'beijing', DATE '2000-01-01' + (g % 9000) FROM generate_series(?, ?) AS g")) {
                for (int from = 0; from < rows; from += 5000) {
                    ins.setInt(1, from);
                    ins.setInt(2, from + 4999);
                    ins.executeUpdate();
                    c.commit();
                }
            }
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            st.execute("DROP TABLE bench_patent");
            c.commit();
            return Math.round(rate);
        }
    }

    // ---- 2. end-to-end replay ---------------------------------------------------------------------------

    /** The warm-up corpus: another seed (no patent in common with the demo's), a tenth of its size. */
    static final long WARM_UP_SEED = 7;

    private void replay() throws Exception {
        Map<String, Object> held = null;
        Map<String, Object> warmUp = null;
        if (warm) {
            // A JVM benchmark measures warm code: the services' JIT compilers spend about a fifth of the CPU of
            // a replay right after start-up. The warm-up takes the same path and is verified like the replay.
            log("warm-up: the corpus of seed %d at scale %s through the same API (not timed as the replay)", WARM_UP_SEED, scale / 10);
            warmUp = LoadGen.demoReport(platform.gatewayUrl(), platform.adminKey(), WARM_UP_SEED, scale / 10,
                    out.resolve("expected-warm-up.json"), 1800);
            held = castMap(warmUp.remove("expected"));
            log("warm-up: %s", warmUp);
            if (!Boolean.TRUE.equals(warmUp.get("exact"))) throw new IllegalStateException("the warm-up did not end exact");
        }
        log("end-to-end replay of the demo corpus at scale %s (%s platform)", scale, warm ? "warm" : "cold: just started");
        Map<String, Long> pids = processes();
        Map<String, Double> cpuBefore = cpuNow(pids);
        var report = LoadGen.demoReport(platform.gatewayUrl(), platform.adminKey(), 42, scale, out.resolve("expected.json"), 1800, held);
        report.remove("expected");
        report.put("platform", warm ? "warm" : "cold");
        if (warmUp != null) report.put("warmUp", warmUp);
        // Where the replay's CPU went (two cores give 2 s per second): what to make cheaper next.
        report.put("cpu", cpuSince(pids, cpuBefore, ((Number) report.get("eventsAccepted")).longValue()));
        results.put("replay", report);
        Object raw = ((Map<?, ?>) results.get("raw")).get("kafkaProducerRecordsPerSecond");
        if (raw instanceof Double r && report.get("endToEndEventsPerSecond") instanceof Long e2e) {
            report.put("ratioToRawKafkaProducer", Math.round(e2e / r * 1000) / 1000.0);
        }
        log("replay: %s", report);
    }

    // ---- 2b. metrics-service alone: drain a backlog, answer queries -----------------------------------

    /**
     * metrics-service draining backlogs of new patents, timed by its progress counter (events applied, committed
     * with each batch). Three measurements:
     * <ul>
     * <li>running: the service has run since the replay; a backlog is written to Kafka at full speed while it
     * consumes, the producer sharing the machine's two cores;</li>
     * <li>warm: the same long-running service is paused (POST /admin/consumption/pause), a backlog is written,
     * and it is resumed: records already in the topic, consumed by a service past its JIT warm-up, the way
     * Kafka's ConsumerPerformance (reported beside it) measures the raw consumer. This is the aggregation rate
     * the throughput goal is about; the CPU each process spent on it is reported with it;</li>
     * <li>restarted, cold: the service is stopped, a backlog is written, and it is started again; the backlog is
     * timed from ready, with the JIT compilers at work.</li>
     * </ul>
     */
    private void metricsDrain() throws Exception {
        // The applied-events counter /metrics/progress reports, read where each batch commits it: ten looks a
        // second through the service would cost it (and PostgreSQL) a progress query each inside the window.
        try (Connection progress = DriverManager.getConnection(platform.postgres().jdbcUrl("metrics"), "postgres", "postgres")) {
            metricsDrain(progress);
        }
    }

    private void metricsDrain(Connection progress) throws Exception {
        ServiceProcess metrics = platform.service("metrics-service");
        String bootstrap = platform.kafka().bootstrapServers();
        double backlogScale = Math.max(0.05, scale / 4);
        var r = new LinkedHashMap<String, Object>();
        var records = LoadGen.directRecords(98, backlogScale); // generated before the clock starts
        long before = eventsApplied(progress);
        long t0 = System.nanoTime();
        LoadGen.produceDirect(bootstrap, records);
        r.put("running", rate(records.size(), awaitApplied(progress, metrics, before + records.size()), t0));
        log("metrics drain, running: %s", r.get("running"));
        records = null;

        long applied = eventsApplied(progress); // nothing else arrives: the counts the backlogs add to
        admin(metrics, "pause");
        long backlog = LoadGen.produceDirect(bootstrap, 99, backlogScale);
        log("metrics drain: %,d records waiting; resuming metrics-service", backlog);
        quiet();
        Map<String, Long> pids = processes();
        Map<String, Double> cpuBefore = cpuNow(pids);
        t0 = System.nanoTime();
        admin(metrics, "resume");
        Sample done = awaitApplied(progress, metrics, applied + backlog);
        var warm = rate(done.applied() - applied, done, t0);
        // Where a warm drain's CPU goes; the other services are idle but for what the drain causes (metric-changes).
        warm.put("cpu", cpuSince(pids, cpuBefore, done.applied() - applied));
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
        r.put("restartedCold", rate(backlog, awaitApplied(progress, metrics, applied + backlog), t0));
        if (results.get("raw") instanceof Map<?, ?> raw) {
            r.put("rawKafkaConsumerRecordsPerSecond", raw.get("kafkaConsumerRecordsPerSecond"));
        }
        results.put("metricsDrain", r);
        log("metrics drain: %s", r);
    }

    /**
     * Collects this JVM's garbage (the corpus just generated and sent) before a timed window, so the load
     * generator's collector does not run inside it on the cores the platform is measured on.
     */
    private static void quiet() {
        System.gc();
    }

    /** Pauses or resumes metrics-service's consumption of patent-events (its operator endpoint). */
    private static void admin(ServiceProcess metrics, String action) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(metrics.url() + "/admin/consumption/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("consumption " + action + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The applied-events count and when it was read. */
    private record Sample(long nanos, long applied) {
    }

    /** Waits until metrics-service has applied {@code target} events in all; the first look that saw it. */
    private static Sample awaitApplied(Connection progress, ServiceProcess metrics, long target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            long applied = eventsApplied(progress);
            long now = System.nanoTime();
            if (applied >= target) return new Sample(now, applied);
            if (now > deadline) throw new IllegalStateException(metrics.name() + " did not drain its backlog in 10 minutes");
            Thread.sleep(100);
        }
    }

    /** The rate of {@code events} applied between {@code t0} and a sample. */
    private static Map<String, Object> rate(long events, Sample done, long t0) {
        double seconds = (done.nanos() - t0) / 1e9;
        var r = new LinkedHashMap<String, Object>();
        r.put("records", events);
        r.put("seconds", Math.round(seconds * 100) / 100.0);
        r.put("eventsPerSecond", Math.round(events / seconds));
        return r;
    }

    /** Events metrics-service applied so far (its progress counter, committed with each batch). */
    private static long eventsApplied(Connection progress) throws SQLException {
        try (var st = progress.prepareStatement("SELECT events_applied FROM ingest_progress WHERE id = 1");
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** metrics-service's progress view (events applied, patents stored, ...). */
    private static JsonNode progress(ServiceProcess metrics) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(metrics.url() + "/metrics/progress")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    /** Ranking and subject queries straight at metrics-service (no gateway), at 2,000 requests/s. */
    private void metricsQueryLatency() throws Exception {
        var r = new LinkedHashMap<String, Object>();
        String base = platform.service("metrics-service").url();
        r.put("patents", progress(platform.service("metrics-service")).path("patents").asLong());
        for (String query : List.of("/metrics/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
                "/metrics/rankings?kind=INSTITUTION&metric=filings&window=ALL&limit=10",
                "/metrics/figures?kind=COUNTRY&key=CN&window=P12M&asOf=2024-06-30")) {
            r.put(query, hey(base + query, null, 2000));
        }
        results.put("metricsQueryLatency", r);
        log("metrics query latency: %s", r);
        results.put("metricsQueryLatencyUncached", uncachedQueryLatency(base));
        log("metrics query latency, every answer computed afresh: %s", results.get("metricsQueryLatencyUncached"));
    }

    /**
     * The same queries one at a time, each with an asOf not asked before, so no answer comes from a cache:
     * what a query costs right after a change (p50/p99 over 100 different asOf days).
     */
    private static Map<String, Object> uncachedQueryLatency(String base) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = new LinkedHashMap<String, Object>();
        for (String query : List.of("/metrics/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
                "/metrics/rankings?kind=INSTITUTION&metric=filings&window=ALL&limit=10",
                "/metrics/rankings?kind=INSTITUTION&metric=filings&window=P12M&limit=10",
                "/metrics/figures?kind=COUNTRY&key=CN&window=P12M")) {
            var millis = new ArrayList<Double>();
            for (int i = 0; i < 100; i++) {
                var uri = java.net.URI.create(base + query + "&asOf=" + java.time.LocalDate.of(2024, 12, 31).minusDays(i + 1));
                long t0 = System.nanoTime();
                var response = http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) throw new IllegalStateException(uri + " answered " + response.statusCode());
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            java.util.Collections.sort(millis);
            r.put(query, Map.of("p50Millis", pct(millis, 0.50), "p99Millis", pct(millis, 0.99)));
        }
        return r;
    }

    /** hey at a fixed total rate for 20 s: requests/s, p50, p99 (ms) and non-200 answers. */
    private static Map<String, Object> hey(String url, String key, int rate) throws Exception {
        var cmd = new ArrayList<>(List.of("hey", "-z", "20s", "-c", "8", "-q", Integer.toString(rate / 8)));
        if (key != null) cmd.addAll(List.of("-H", "Authorization: Bearer " + key));
        cmd.add(url);
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(proc.getInputStream().readAllBytes());
        proc.waitFor();
        var r = new LinkedHashMap<String, Object>();
        Matcher m = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(text);
        r.put("requestsPerSecond", m.find() ? Math.round(Double.parseDouble(m.group(1))) : null);
        r.put("p50Millis", Math.round(heyLatency(text, "50%") * 10) / 10.0);
        r.put("p99Millis", Math.round(heyLatency(text, "99%") * 10) / 10.0);
        int errors = 0;
        Matcher s = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses").matcher(text);
        while (s.find()) if (!s.group(1).equals("200")) errors += Integer.parseInt(s.group(2));
        r.put("non200", errors);
        return r;
    }

    // ---- 3. alert latency ---------------------------------------------------------------------------------

    private JsonNode call(String method, String path, String key, Object body, int expect) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int tries = 0; r.statusCode() == 429 && tries < 10; tries++) { // the gateway's rate limit: wait as told
            Thread.sleep(1000L * Math.min(io.nanopulse.loadgen.RetryAfter.seconds(r), 30));
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != expect) throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    }

    private String key(String principal, List<String> roles) throws Exception {
        return call("POST", "/api/v1/admin/keys", platform.adminKey(), Map.of("principal", principal, "roles", roles), 201)
                .path("key").asText();
    }

    private void alertLatency() throws Exception {
        // 100, so that p99 is not simply the slowest sample (it was with 40); the slowest is reported as max.
        int samples = 100;
        var received = new ConcurrentHashMap<String, Long>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
        receiver.createContext("/hook", ex -> {
            long at = System.nanoTime();
            JsonNode body = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            if ("FIRING".equals(body.path("data").path("transition").path("to").asText())) {
                received.putIfAbsent(body.path("data").path("rule").path("name").asText(), at);
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        String alertsKey = key("bench-alerts", List.of("alerts", "ingest", "read"));
        String loadKey = key("bench-load", List.of("ingest", "read"));
        try {
            JsonNode sub = call("POST", "/api/v1/subscribers", alertsKey,
                    Map.of("name", "bench", "webhookUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), 201);
            String subscriber = sub.path("id").asText();
            // Rule i fires when New Zealand (absent from the corpus) has more than i filings: each new NZ
            // filing fires exactly one rule.
            for (int i = 0; i < samples; i++) {
                var rule = new LinkedHashMap<String, Object>();
                rule.put("subscriberId", subscriber);
                rule.put("name", "nz-" + i);
                rule.put("subject", Map.of("kind", "COUNTRY", "key", "NZ"));
                rule.put("metric", "filings");
                rule.put("window", "ALL");
                rule.put("condition", "ABOVE");
                rule.put("threshold", i + 0.5);
                call("POST", "/api/v1/rules", alertsKey, rule, 201);
            }
            log("alert latency: %d samples under 1,000 events/s of background load", samples);
            var background = new Thread(() -> {
                try {
                    LoadGen.main(new String[]{"send", "--gateway", platform.gatewayUrl(), "--key", loadKey, "--seed", "7",
                            "--scale", "0.05", "--rate", "1000", "--out", out.resolve("background.json").toString()});
                } catch (Exception e) {
                    log("background load stopped: %s", e.getMessage());
                }
            }, "background-load");
            background.setDaemon(true);
            background.start();
            Thread.sleep(5000);
            var latencies = new ArrayList<Double>();
            for (int i = 0; i < samples; i++) {
                ObjectNode e = Json.mapper().createObjectNode().put("type", "PATENT_FILED").put("eventId", "nz-" + i)
                        .put("patentId", "NZ" + (500000 + i) + "A").put("country", "NZ").put("institution", "Bench Lab")
                        .put("sector", "MATERIALS").put("filingDate", "2024-06-01");
                call("POST", "/api/v1/events", alertsKey, e, 202);
                long acked = System.nanoTime();
                String rule = "nz-" + i;
                long deadline = acked + 30_000_000_000L;
                while (!received.containsKey(rule) && System.nanoTime() < deadline) Thread.sleep(1);
                if (received.containsKey(rule)) latencies.add((received.get(rule) - acked) / 1e6);
                Thread.sleep(250);
            }
            latencies.sort(Double::compare);
            var r = new LinkedHashMap<String, Object>();
            r.put("samples", latencies.size());
            r.put("missing", samples - latencies.size());
            r.put("p50Millis", pct(latencies, 0.50));
            r.put("p99Millis", pct(latencies, 0.99));
            r.put("maxMillis", latencies.isEmpty() ? null : latencies.get(latencies.size() - 1));
            r.put("backgroundEventsPerSecond", 1000);
            results.put("alertLatency", r);
            log("alert latency: %s", r);
        } finally {
            receiver.stop(0);
        }
    }

    private static Double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return null;
        return Math.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) * 10) / 10.0;
    }

    // ---- 4. gateway latency ------------------------------------------------------------------------------

    private void gatewayLatency() throws Exception {
        var r = new LinkedHashMap<String, Object>();
        for (String query : List.of("/api/v1/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
                "/api/v1/figures?kind=COUNTRY&key=CN&window=P12M")) {
            // Two keys at 1,000 requests/s each: 2,000/s in all, within each key's read limit.
            var procs = new ArrayList<Process>();
            for (int k = 0; k < 2; k++) {
                String key = key("bench-read-" + k + "-" + Math.abs(query.hashCode()), List.of("read"));
                procs.add(new ProcessBuilder("hey", "-z", "20s", "-c", "4", "-q", "250", "-H", "Authorization: Bearer " + key,
                        platform.gatewayUrl() + query).redirectErrorStream(true).start());
            }
            var p50 = new ArrayList<Double>();
            var p99 = new ArrayList<Double>();
            double rps = 0;
            int errors = 0;
            for (Process proc : procs) {
                String text = new String(proc.getInputStream().readAllBytes());
                proc.waitFor();
                p50.add(heyLatency(text, "50%"));
                p99.add(heyLatency(text, "99%"));
                Matcher m = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(text);
                if (m.find()) rps += Double.parseDouble(m.group(1));
                Matcher s = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses").matcher(text);
                while (s.find()) if (!s.group(1).equals("200")) errors += Integer.parseInt(s.group(2));
            }
            r.put(query, Map.of("requestsPerSecond", Math.round(rps), "p50Millis", Math.round(p50.stream().mapToDouble(d -> d).max().orElse(-1) * 10) / 10.0,
                    "p99Millis", Math.round(p99.stream().mapToDouble(d -> d).max().orElse(-1) * 10) / 10.0, "non200", errors));
        }
        results.put("gatewayLatency", r);
        log("gateway latency: %s", r);
    }

    private static double heyLatency(String text, String pct) {
        Matcher m = Pattern.compile(Pattern.quote(pct) + " in ([\\d.]+) secs").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : -1;
    }

    // ---- 5. memory -------------------------------------------------------------------------------------

    private static double cpuSeconds(String name, long pid) {
        return name.equals("loadgen") ? CpuTime.ownSeconds(pid) : CpuTime.seconds(pid);
    }

    /** CPU seconds each process has used so far. */
    private static Map<String, Double> cpuNow(Map<String, Long> pids) {
        var cpu = new LinkedHashMap<String, Double>();
        pids.forEach((name, pid) -> cpu.put(name, cpuSeconds(name, pid)));
        return cpu;
    }

    /** CPU each process used since {@code before}, in seconds and per event. */
    private static Map<String, Object> cpuSince(Map<String, Long> pids, Map<String, Double> before, long events) {
        var cpu = new LinkedHashMap<String, Object>();
        pids.forEach((name, pid) -> {
            double used = cpuSeconds(name, pid) - before.get(name);
            cpu.put(name, Map.of("seconds", Math.round(used * 10) / 10.0, "microsPerEvent", Math.round(used * 1e6 / events * 10) / 10.0));
        });
        return cpu;
    }

    /** The platform's processes by name, and this one (the load generator). */
    private Map<String, Long> processes() {
        var pids = new LinkedHashMap<String, Long>();
        platform.services().values().forEach(s -> pids.put(s.name(), s.pid()));
        pids.put("kafka", platform.kafka().pid());
        pids.put("postgres", platform.postgres().pid());
        pids.put("loadgen", ProcessHandle.current().pid());
        return pids;
    }

    private void memory() throws IOException {
        var r = new LinkedHashMap<String, Object>();
        for (ServiceProcess s : platform.services().values()) {
            r.put(s.name(), peakRssMib(s.pid()));
        }
        r.put("kafka", peakRssMib(platform.kafka().pid()));
        results.put("peakRssMiB", r);
    }

    private static long peakRssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
