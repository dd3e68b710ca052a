package io.nanopulse.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The calibrated corpus replayed through the gateway in the background, for tests that break the platform
 * while it runs: paced so that the traffic spans the faults, observable (what was sent, accepted, refused,
 * answered 503), switchable to full speed, and verified like the demo against the generator's own record of
 * what the platform accepted.
 */
public final class Replay {
    private final Corpus corpus;
    private final String gateway;
    private final String key;
    private final int chunk;
    private final Truth truth;
    /** The figures the replay checks, as they stood before it sent anything. */
    private final Map<FigureKey, Truth.Counts> before;
    private Sender sender;
    private CompletableFuture<Void> running;

    private Replay(Corpus corpus, String gateway, String key, int chunk) throws Exception {
        this.corpus = corpus;
        this.gateway = gateway;
        this.key = key;
        this.chunk = chunk;
        this.truth = new Truth(corpus);
        this.before = Changes.read(new Gateway(gateway, key), List.copyOf(Changes.expected(LoadGen.stats(corpus)).keySet()));
    }

    /**
     * Registers the corpus's holders and their aliases (with the admin key), issues the replay its own
     * ingest+read key and reads the figures it will check. {@code chunk} bounds the events of one request.
     */
    public static Replay prepare(String gateway, String adminKey, long seed, double scale, int chunk) throws Exception {
        var admin = new Gateway(gateway, adminKey);
        Institutions.register(admin);
        String key = admin.issueKey("replay-" + seed, List.of("ingest", "read"));
        return new Replay(new Corpus(seed, scale), gateway, key, chunk);
    }

    /** Events in the corpus (valid and deliberately invalid). */
    public long events() {
        return (long) LoadGen.stats(corpus).get("events");
    }

    /** Starts sending on a background thread, {@code rate} events per second (0 = full speed). */
    public synchronized void start(double rate) {
        Sender sender = new Sender(gateway, key, Sender.Mode.NDJSON, chunk, 2, rate, truth, Progress.quiet());
        this.sender = sender;
        running = CompletableFuture.runAsync(() -> {
            corpus.stream(block -> {
                try {
                    sender.send(block);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            try {
                sender.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public void fullSpeed() {
        started().fullSpeed();
    }

    public synchronized boolean finished() {
        return running != null && running.isDone();
    }

    /** Waits until every event was answered 202 (a failed request fails here). */
    public void await(Duration timeout) throws Exception {
        CompletableFuture<Void> running;
        synchronized (this) {
            running = this.running;
        }
        running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long submitted() {
        return started().submitted();
    }

    public long accepted() {
        synchronized (truth) {
            return truth.accepted;
        }
    }

    public long rejected() {
        synchronized (truth) {
            return truth.rejected;
        }
    }

    /** 503 answers seen, each retried. */
    public long unavailable() {
        Sender s = started();
        synchronized (s) {
            return s.unavailable;
        }
    }

    /** All retried answers (429, 502, 503) and connection failures. */
    public long retries() {
        Sender s = started();
        synchronized (s) {
            return s.retries;
        }
    }

    private synchronized Sender started() {
        if (sender == null) throw new IllegalStateException("the replay has not started");
        return sender;
    }

    /** The replay's own key (ingest and read). */
    public String key() {
        return key;
    }

    /**
     * Waits up to {@code timeout} until the global figures, every country, holder and China's yearly figures
     * changed by what the generator recorded as accepted: {@code exact}, {@code mismatches}.
     */
    public Map<String, Object> verify(Duration timeout) throws Exception {
        var result = Verification.await(new Gateway(gateway, key), before, Changes.expected(truth.expected()), timeout.toSeconds(),
                System.nanoTime() / 1e9, System.err);
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("appliedSecondsFromFirstRequest", result.appliedSeconds());
        out.put("exact", result.exact());
        out.put("mismatches", result.mismatches().stream().map(Changes.Mismatch::toString).toList());
        return out;
    }
}
