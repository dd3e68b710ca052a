package io.nanopulse.loadgen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator as a library, for the benchmark and the system tests: the demo as a report, the corpus
 * sent with a key, the corpus's own figures, and the corpus written straight to Kafka. The command line is
 * {@link Nanopulse}.
 */
public final class LoadGen {
    private LoadGen() {
    }

    /**
     * The demo (set up holders and aliases, issue a sending key, send, verify what changed) as a report, quietly
     * but for its waiting lines on stderr. Its {@code expected} entry is the generator's record of this run.
     */
    public static Map<String, Object> demoReport(String gateway, String adminKey, long seed, double scale, Path expectedFile,
                                                 long timeoutSeconds) throws Exception {
        return Demo.run(gateway, adminKey, Demo.Settings.of(seed, scale, timeoutSeconds), expectedFile, System.err, false);
    }

    /** The whole corpus as one NDJSON request, verified like the demo ({@link WholeCorpusRequest}); its report. */
    public static Map<String, Object> oneRequestReport(String gateway, String adminKey, long seed, double scale, long timeoutSeconds)
            throws Exception {
        return WholeCorpusRequest.run(gateway, adminKey, seed, scale, timeoutSeconds);
    }

    /** Sends a corpus with an ingest key at {@code rate} events/s (0 = full speed), quietly; returns the send report. */
    public static Map<String, Object> sendCorpus(String gateway, String key, long seed, double scale, double rate) throws Exception {
        var s = new Demo.Settings(seed, scale, Sender.Mode.NDJSON, 20_000, 2, rate, 0);
        var report = send(new Corpus(seed, scale), gateway, key, s, null, false);
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

    /** The corpus's own figures (the generator's record had the platform accepted every valid event) and its event count. */
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

    /**
     * Sends a corpus and returns the send report, with the generator's record ({@code expected}) and the
     * {@code System.nanoTime()} of the start in seconds ({@code startedAtSeconds}); progress goes to {@code log}
     * (null: nowhere).
     */
    static Map<String, Object> send(Corpus corpus, String gateway, String key, Demo.Settings s, PrintStream log, boolean terminal)
            throws Exception {
        var truth = new Truth(corpus);
        // At full speed the corpus is generated before the clock starts (about 0.5 GB of heap for the full one),
        // so the send rate measures the platform, not the generator; a paced run, or one larger than the full
        // corpus, generates as it goes.
        List<List<Event>> generated = null;
        long total;
        if (s.rate() <= 0 && corpus.scale <= 1.0) {
            var blocks = new ArrayList<List<Event>>();
            corpus.stream(blocks::add);
            generated = blocks;
            total = blocks.stream().mapToLong(List::size).sum();
        } else {
            total = (long) stats(corpus).get("events");
        }
        var progress = log == null ? Progress.quiet() : new Progress(total, log, terminal);
        var sender = new Sender(gateway, key, s.mode(), s.chunk(), s.concurrency(), s.rate(), truth, progress);
        double startedAt = System.nanoTime() / 1e9;
        java.util.function.Consumer<List<Event>> sendBlock = block -> {
            try {
                sender.send(block);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
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
        report.put("sendSeconds", Math.round(progress.seconds() * 100) / 100.0);
        report.put("sendEventsPerSecond", Math.round(total / progress.seconds()));
        report.put("expected", truth.expected());
        report.put("startedAtSeconds", startedAt);
        return report;
    }
}
