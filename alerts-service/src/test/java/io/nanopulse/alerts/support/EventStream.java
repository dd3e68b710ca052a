package io.nanopulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.testkit.trust.GatewayProof;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A subscriber's SSE stream on one instance, read on a thread of its own: the events' data, in arrival order. */
public final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(l -> l.startsWith("data:")).map(l -> l.substring("data:".length()).trim()).forEach(data::add);
            } catch (UncheckedIOException closed) {
                // closed by the test
            } finally {
                ended.countDown();
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of {@code subscriberId} on the instance at {@code port}, as {@code owner}; fails unless 200. */
    public static EventStream open(int port, String owner, String subscriberId) throws Exception {
        String path = "/subscribers/" + subscriberId + "/stream";
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("accept", "text/event-stream");
        GatewayProof.as(owner, "alerts").headers("GET", path).forEach(builder::header);
        HttpResponse<Stream<String>> r = CLIENT.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        if (r.statusCode() != 200) {
            throw new AssertionError("stream answered " + r.statusCode());
        }
        return new EventStream(r);
    }

    /** The next event's data as JSON, waiting up to 20 s. */
    public JsonNode next() throws Exception {
        String d = data.poll(20, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("no event within 20 s");
        }
        return JSON.readTree(d);
    }

    /** Whether the server ended the stream within 20 s. */
    public boolean awaitEnd() throws InterruptedException {
        return ended.await(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
