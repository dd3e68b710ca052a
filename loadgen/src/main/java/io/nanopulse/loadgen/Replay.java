package io.nanopulse.loadgen;

import java.io.OutputStream;
import java.io.PrintStream;
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
    private Sender sender;
    private CompletableFuture<Void> running;

    private Replay(Corpus corpus, String gateway, String key, int chunk) {
        this.corpus = corpus;
        this.gateway = gateway;
        this.key = key;
        this.chunk = chunk;
        this.truth = new Truth(corpus);
    }

    /**
     * Registers the corpus's holders and their aliases (with the admin key) and issues the replay its own
     * ingest+read key. {@code chunk} bounds the events of one request.
     */
    public static Replay prepare(String gateway, String adminKey, long seed, double scale, int chunk) throws Exception {
        var admin = new Gateway(gateway, adminKey);
        LoadGen.registerHolders(admin);
        String key = admin.issueKey("replay-" + seed, List.of("ingest", "read"));
        return new Replay(new Corpus(seed, scale), gateway, key, chunk);
    }

    /** Events in the corpus (valid and deliberately invalid). */
    public long events() {
        return (long) LoadGen.stats(corpus).get("events");
    }

    /** Starts sending on a background thread, {@code rate} events per second (0 = full speed). */
    public synchronized void start(double rate) {
        var quiet = new Progress(0, new PrintStream(OutputStream.nullOutputStream()));
        Sender sender = new Sender(gateway, key, Sender.Mode.NDJSON, chunk, 2, rate, truth, quiet);
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
     * Waits up to {@code timeout} until the global figures show every accepted event, then compares every
     * country, holder and China's yearly figures with the generator's record: {@code exact}, {@code mismatches}.
     */
    public Map<String, Object> verify(Duration timeout) throws Exception {
        Map<String, Object> expected = truth.expected();
        return LoadGen.verify(new Gateway(gateway, key), expected, timeout.toSeconds(), System.nanoTime() / 1e9,
                (long) expected.get("eventsAccepted"));
    }
}
