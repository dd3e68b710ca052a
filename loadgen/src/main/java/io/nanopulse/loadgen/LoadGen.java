package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Command line of the load generator.
 *
 * <pre>
 * loadgen stats  [--seed N] [--scale S]                 the corpus's own figures, nothing sent
 * loadgen send   --gateway URL [--key-file F] [options] send the corpus, write the expected aggregates
 * loadgen demo   --gateway URL [--key-file F] [options] register holders and aliases, send, verify
 * options: --seed 42 --scale 1.0 --mode ndjson|json --chunk 20000 --concurrency 2 --rate 0 (events/s, 0 = full speed)
 *          --out expected.json --verify --timeout 900 (seconds to wait for every event to be applied)
 * </pre>
 * The API key comes from the file named by --key-file or from NANOPULSE_API_KEY, never from the command line
 * ({@link ApiKey}): ingest and read roles for send; admin for demo, which then issues itself an ingest+read key.
 */
public final class LoadGen {
    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The command line, with the environment the key may come from; bad arguments throw IllegalArgumentException. */
    public static void run(String[] args, Map<String, String> env) throws Exception {
        if (args.length == 0 || args[0].startsWith("-h")) {
            usage();
            return;
        }
        Map<String, String> o = options(args);
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        double scale = Double.parseDouble(o.getOrDefault("scale", "1.0"));
        Corpus corpus = new Corpus(seed, scale);
        switch (args[0]) {
            case "stats" -> System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats(corpus)));
            case "send", "demo" -> {
                String gateway = required(o, "gateway");
                String key = ApiKey.resolve(o, env);
                boolean demo = args[0].equals("demo");
                var gw = new Gateway(gateway, key);
                if (demo) {
                    // The admin key registers holders and issues the key that sends and reads (admin alone may not).
                    registerHolders(gw);
                    key = gw.issueKey("loadgen-demo", List.of("ingest", "read"));
                    gw = new Gateway(gateway, key);
                }
                Map<String, Object> report = send(corpus, gateway, key, o);
                Map<String, Object> expected = castMap(report.get("expected"));
                Path out = Path.of(o.getOrDefault("out", "expected.json"));
                Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected));
                if (demo || o.containsKey("verify")) {
                    report.putAll(verify(gw, expected, Long.parseLong(o.getOrDefault("timeout", "900")), (double) report.get("startedAtSeconds"),
                            (long) expected.get("eventsAccepted")));
                }
                report.remove("expected");
                report.remove("startedAtSeconds");
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
                if (Boolean.FALSE.equals(report.get("exact"))) System.exit(1);
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    /** The demo (register holders, issue a sending key, send, verify) as a report, for the benchmark. */
    public static Map<String, Object> demoReport(String gateway, String adminKey, long seed, double scale, Path expectedFile,
                                                 long timeoutSeconds) throws Exception {
        return demoReport(gateway, adminKey, seed, scale, expectedFile, timeoutSeconds, null);
    }

    /**
     * The demo on a platform that already holds another corpus of this generator ({@code before}: what that
     * run's {@code expected.json} holds, or null for none; corpora of different seeds share no patent). The
     * platform's figures are verified against both records added up. The report's {@code expected} is this
     * run's own record plus {@code before}, for a later run on the same platform.
     */
    public static Map<String, Object> demoReport(String gateway, String adminKey, long seed, double scale, Path expectedFile,
                                                 long timeoutSeconds, Map<String, Object> before) throws Exception {
        Corpus corpus = new Corpus(seed, scale);
        var gw = new Gateway(gateway, adminKey);
        registerHolders(gw);
        String key = gw.issueKey("loadgen-demo-" + seed, List.of("ingest", "read"));
        Map<String, Object> report = send(corpus, gateway, key, Map.of());
        Map<String, Object> expected = castMap(report.get("expected"));
        Files.writeString(expectedFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected));
        Map<String, Object> held = before == null ? expected : Truth.plus(before, expected);
        report.putAll(verify(new Gateway(gateway, key), held, timeoutSeconds, (double) report.get("startedAtSeconds"),
                (long) expected.get("eventsAccepted")));
        report.put("expected", held);
        report.remove("startedAtSeconds");
        return report;
    }

    /**
     * Writes the valid events of a corpus straight to patent-events (bypassing the API), as a backlog for
     * measuring how fast metrics-service drains it. Returns the number of records written.
     */
    public static long produceDirect(String bootstrap, long seed, double scale) {
        return produceDirect(bootstrap, directRecords(seed, scale));
    }

    /** The corpus's valid events as {@code patent-events} records keyed by patent id, generated up front. */
    public static List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> directRecords(long seed, double scale) {
        var records = new ArrayList<org.apache.kafka.clients.producer.ProducerRecord<String, String>>();
        new Corpus(seed, scale).stream(block -> block.forEach(e -> {
            if (!e.valid()) return;
            int at = e.json().indexOf("\"patentId\":\"") + 12;
            String key = e.json().substring(at, e.json().indexOf('"', at));
            records.add(new org.apache.kafka.clients.producer.ProducerRecord<>("patent-events", key, e.json()));
        }));
        return records;
    }

    /** Writes records to Kafka at full speed; returns how many. */
    public static long produceDirect(String bootstrap, List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records) {
        var props = new java.util.HashMap<String, Object>();
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        props.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props,
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
        return records.size();
    }

    private static void usage() {
        System.out.println("""
                loadgen stats  [--seed N] [--scale S]
                loadgen send   --gateway URL [--key-file F] [--seed 42] [--scale 1.0] [--mode ndjson|json] [--chunk 20000]
                               [--concurrency 2] [--rate 0] [--out expected.json] [--verify] [--timeout 900]
                loadgen demo   --gateway URL [--key-file F] [same options]   (registers holders and aliases first; needs admin)
                The API key is read from --key-file F or from NANOPULSE_API_KEY, never from the command line.""");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, String> options(String[] args) {
        var o = new HashMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String name = args[i].substring(2);
            ApiKey.refuseOnCommandLine(name);
            if (name.equals("verify")) {
                o.put(name, "true");
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                o.put(name, args[++i]);
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    static Map<String, Object> stats(Corpus corpus) {
        var truth = new Truth(corpus);
        long[] events = new long[1];
        corpus.stream(block -> block.forEach(e -> {
            events[0]++;
            if (e.valid()) truth.accepted(e);
            else truth.rejected(e);
        }));
        var out = new LinkedHashMap<String, Object>(truth.expected());
        out.put("events", events[0]);
        return out;
    }

    static void registerHolders(Gateway gw) throws Exception {
        for (var h : Calibration.HOLDERS) {
            List<String> aliases = h.id().equals("cas") ? Calibration.CAS_ALIASES : new ArrayList<>(new LinkedHashSet<>(h.rawNames()));
            gw.createInstitution(Map.of("id", h.id(), "displayName", h.displayName(), "country", h.country(), "aliases", aliases));
        }
    }

    private static Map<String, Object> send(Corpus corpus, String gateway, String key, Map<String, String> o) throws Exception {
        var truth = new Truth(corpus);
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        // At full speed the corpus is generated before the clock starts (about 0.5 GB of heap for the full one),
        // so the send rate measures the platform, not the generator; a paced run, or one larger than the full
        // corpus, generates as it goes.
        List<List<Event>> generated = null;
        long total;
        if (rate <= 0 && corpus.scale <= 1.0) {
            var blocks = new ArrayList<List<Event>>();
            corpus.stream(blocks::add);
            generated = blocks;
            total = blocks.stream().mapToLong(List::size).sum();
        } else {
            total = stats(corpus).get("events") instanceof Long l ? l : 0;
        }
        var progress = new Progress(total, System.err);
        var sender = new Sender(gateway, key, Sender.Mode.valueOf(o.getOrDefault("mode", "ndjson").toUpperCase()),
                Integer.parseInt(o.getOrDefault("chunk", "20000")), Integer.parseInt(o.getOrDefault("concurrency", "2")),
                rate, truth, progress);
        double startedAt = System.nanoTime() / 1e9;
        java.util.function.Consumer<List<Event>> sendBlock = block -> {
            try {
                sender.send(block);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        if (generated != null) {
            generated.forEach(sendBlock);
        } else {
            corpus.stream(sendBlock);
        }
        sender.finish();
        progress.finish();
        var report = new LinkedHashMap<String, Object>();
        report.put("seed", corpus.seed);
        report.put("scale", corpus.scale);
        report.put("eventsSent", total);
        report.put("eventsAccepted", truth.accepted);
        report.put("eventsRejected", truth.rejected);
        report.put("retries", sender.retries);
        report.put("sendSeconds", round(progress.seconds()));
        report.put("sendEventsPerSecond", Math.round(total / progress.seconds()));
        report.put("expected", truth.expected());
        report.put("startedAtSeconds", startedAt);
        return report;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /**
     * Waits until the global figures show every event of {@code expected}, then compares the platform's figures
     * with it; the end-to-end rate counts the {@code sent} events of this run.
     */
    static Map<String, Object> verify(Gateway gw, Map<String, Object> expected, long timeoutSeconds, double startedAt, long sent)
            throws Exception {
        Truth.Counts global = (Truth.Counts) expected.get("global");
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        JsonNode g = gw.figures("GLOBAL", "", "ALL");
        while (!matches(g, global) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            g = gw.figures("GLOBAL", "", "ALL");
        }
        double appliedAt = System.nanoTime() / 1e9 - startedAt;
        var mismatches = new ArrayList<String>();
        check(mismatches, "GLOBAL", g, global);
        for (var e : castCounts(expected.get("countries")).entrySet()) {
            check(mismatches, "COUNTRY " + e.getKey(), gw.figures("COUNTRY", e.getKey(), "ALL"), e.getValue());
        }
        for (var e : castCounts(expected.get("holders")).entrySet()) {
            check(mismatches, "INSTITUTION " + e.getKey(), gw.figures("INSTITUTION", e.getKey(), "ALL"), e.getValue());
        }
        for (var e : castCounts(expected.get("cnYears")).entrySet()) {
            check(mismatches, "COUNTRY CN " + e.getKey(), gw.figures("COUNTRY", "CN", e.getKey()), e.getValue());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("appliedSecondsFromFirstRequest", round(appliedAt));
        out.put("endToEndEventsPerSecond", Math.round(sent / appliedAt));
        out.put("exact", mismatches.isEmpty());
        out.put("mismatches", mismatches);
        JsonNode cn = gw.figures("COUNTRY", "CN", "ALL");
        out.put("cnShare", cn.path("share").path("value").asDouble());
        out.put("cnLicensingRate", cn.path("licensingRate").path("value").asDouble());
        out.put("casFilings", gw.figures("INSTITUTION", "cas", "ALL").path("filings").asLong());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Truth.Counts> castCounts(Object o) {
        return (Map<String, Truth.Counts>) o;
    }

    private static boolean matches(JsonNode f, Truth.Counts c) {
        return f.path("filings").asLong() == c.filings() && f.path("licensed").asLong() == c.licensed()
                && f.path("grants").asLong() == c.grants();
    }

    private static void check(List<String> mismatches, String what, JsonNode f, Truth.Counts c) {
        if (!matches(f, c)) {
            mismatches.add(what + ": platform " + f.path("filings").asLong() + "/" + f.path("licensed").asLong() + "/"
                    + f.path("grants").asLong() + " expected " + c.filings() + "/" + c.licensed() + "/" + c.grants());
        }
    }
}
