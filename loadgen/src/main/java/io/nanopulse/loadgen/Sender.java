package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends events through the gateway's public API as NDJSON requests, JSON arrays or CSV imports, a few requests
 * in flight, at full speed or a fixed rate. Retries a request on 429/503 after Retry-After (ingest is
 * idempotent by eventId), and tells its {@link Outcomes} what each answer said.
 */
final class Sender {
    enum Mode { NDJSON, JSON, CSV }

    /** Who hears each request's answer ({@code IngestResult}) about the events it carried, in the order sent. */
    interface Outcomes {
        void answered(List<Event> part, JsonNode result, Mode mode);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String apiKey;
    private final Mode mode;
    private final int chunk;
    private final int concurrency;
    /** Events per second, 0 = full speed; a test may lift the pace mid-run ({@link #fullSpeed()}). */
    private volatile double rate;
    private final Outcomes outcomes;
    private final Progress progress;
    /** CSV only: the header line every request starts with. */
    private final String csvHeader;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final long started = System.nanoTime();
    private volatile long submitted;
    private volatile boolean answered;
    long retries;
    /** 503 answers (a service, e.g. Kafka behind ingest, unavailable), each followed by a retry. */
    long unavailable;

    Sender(String gateway, String apiKey, Mode mode, int chunk, int concurrency, double rate, Outcomes outcomes, Progress progress) {
        this(gateway, apiKey, mode, chunk, concurrency, rate, outcomes, progress, null);
    }

    Sender(String gateway, String apiKey, Mode mode, int chunk, int concurrency, double rate, Outcomes outcomes, Progress progress,
           String csvHeader) {
        this.events = URI.create(gateway.replaceAll("/$", "") + (mode == Mode.CSV ? "/api/v1/imports" : "/api/v1/events"));
        this.apiKey = apiKey;
        this.mode = mode;
        this.chunk = mode == Mode.JSON ? Math.min(chunk, 10_000) : chunk;
        this.concurrency = concurrency;
        this.rate = rate;
        this.outcomes = outcomes;
        this.progress = progress;
        this.csvHeader = csvHeader;
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "loadgen-sender");
            t.setDaemon(true); // a failed run must still exit
            return t;
        });
        this.inFlight = new Semaphore(concurrency);
    }

    /** Queues one block; blocks while {@code concurrency} requests are in flight. */
    void send(List<Event> block) throws InterruptedException {
        for (int from = 0, size; from < block.size(); from += size) {
            double pace = rate; // read once: fullSpeed() may change it meanwhile
            size = pace > 0 ? (int) Math.max(50, Math.min(chunk, pace / 10)) : chunk;
            List<Event> part = block.subList(from, Math.min(block.size(), from + size));
            if (pace > 0) {
                long due = started + (long) (submitted / pace * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            }
            submitted += part.size();
            if (failure.get() != null) throw new IllegalStateException("sending failed: " + failure.get().getMessage(), failure.get());
            inFlight.acquire();
            pool.execute(() -> {
                try {
                    post(part);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    /** Drops the pace: what is left goes out as fast as the platform takes it. */
    void fullSpeed() {
        rate = 0;
    }

    long submitted() {
        return submitted;
    }

    void finish() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (failure.get() != null) throw new IllegalStateException("sending failed: " + failure.get().getMessage(), failure.get());
    }

    private void post(List<Event> part) throws Exception {
        var body = new StringBuilder(part.size() * 260);
        if (mode == Mode.JSON) body.append('[');
        if (mode == Mode.CSV) body.append(csvHeader).append('\n');
        for (int i = 0; i < part.size(); i++) {
            if (i > 0) body.append(mode == Mode.JSON ? "," : "\n");
            body.append(part.get(i).json());
        }
        body.append(mode == Mode.JSON ? "]" : "\n");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(events).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", switch (mode) {
                    case JSON -> "application/json";
                    case NDJSON -> "application/x-ndjson";
                    case CSV -> "text/csv";
                })
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // A gateway that never answered is not there; one that did may be restarting.
                if (attempt >= 30 || (e instanceof java.net.ConnectException && !answered)) throw e;
                retry(2);
                continue;
            }
            answered = true;
            int status = response.statusCode();
            if (status == 202) {
                account(part, Json.mapper().readTree(response.body()));
                return;
            }
            if ((status == 429 || status == 503 || status == 502) && attempt < 60) {
                if (status == 503) countUnavailable();
                retry(RetryAfter.seconds(response));
                continue;
            }
            throw new IllegalStateException("POST " + events.getPath() + " answered " + status + ": " + response.body());
        }
    }

    private synchronized void countUnavailable() {
        unavailable++;
    }

    private synchronized void countRetry() {
        retries++;
    }

    private void retry(long seconds) throws InterruptedException {
        countRetry();
        TimeUnit.SECONDS.sleep(Math.max(1, Math.min(seconds, 30)));
    }


    private void account(List<Event> part, JsonNode result) {
        outcomes.answered(part, result, mode);
        progress.add(part.size());
    }
}
