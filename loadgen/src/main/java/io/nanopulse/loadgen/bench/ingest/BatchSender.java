package io.nanopulse.loadgen.bench.ingest;

import java.io.BufferedReader;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver: POSTs each line of a file to a URL with a given content type, from N concurrent senders
 * (one line = one JSON array batch, or the whole file as one NDJSON stream with N=0), and prints
 * "events=<accepted> seconds=<wall> rate=<events/s>". Fails if any response is not 202.
 * Usage: BatchSender <url> <file> <concurrency|0 for one NDJSON stream> (deploy/bench/ingest-bench.sh).
 */
public final class BatchSender {
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path file = Path.of(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong accepted = new AtomicLong();
        long t0 = System.nanoTime();
        if (concurrency == 0) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofHours(1))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            accepted.addAndGet(check(r));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try (BufferedReader in = new BufferedReader(new FileReader(file.toFile()), 1 << 20)) {
                var permits = new java.util.concurrent.Semaphore(concurrency * 2);
                String line;
                while ((line = in.readLine()) != null) {
                    String body = line;
                    permits.acquire();
                    pool.execute(() -> {
                        try {
                            accepted.addAndGet(check(client.send(HttpRequest.newBuilder(url)
                                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString())));
                        } catch (Exception e) {
                            e.printStackTrace();
                            System.exit(2);
                        } finally {
                            permits.release();
                        }
                    });
                }
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("events=%d seconds=%.2f rate=%.0f%n", accepted.get(), seconds, accepted.get() / seconds);
    }

    private static long check(HttpResponse<String> r) {
        if (r.statusCode() != 202) {
            System.err.println("HTTP " + r.statusCode() + ": " + r.body());
            System.exit(1);
        }
        Matcher m = ACCEPTED.matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
