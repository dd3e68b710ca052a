package io.nanopulse.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 standing in for a service or a webhook endpoint in tests: routes by path
 * prefix (the longest matching prefix answers, anything else gets 404), canned or computed replies, every
 * request recorded, a down mode in which every request gets one reply (503 by default), and stop/start on
 * the same port (connections refused in between). Built on the JDK's com.sun.net.httpserver.
 *
 * <pre>
 * try (var stub = new HttpStub().route("/hook", Reply.empty(204)).start()) {
 *     ... stub.url("/hook") ...
 *     stub.requests().get(0).text();
 * }
 * </pre>
 */
public final class HttpStub implements AutoCloseable {

    /** Computes the reply to one request; may block (e.g. to play a slow server). */
    @FunctionalInterface
    public interface Handler {
        Reply answer(Request request) throws Exception;
    }

    /**
     * One request as received, body read in full. {@code headers} keep the JDK server's spelling (first letter
     * upper case, the rest lower case, e.g. {@code Content-type}); {@link #header(String)} ignores case.
     * {@code receivedNanos} is {@link System#nanoTime()} when the request reached its handler thread, before
     * the body was read. {@code exchange} is the JDK exchange, for handlers that need more than this record;
     * the copies in {@link #requests()} do not keep it (null).
     */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body, long receivedNanos,
                          Instant at, HttpExchange exchange) {
        /** The path, percent-decoded. */
        public String path() {
            return uri.getPath();
        }

        /** The query string as sent (not decoded), or null. */
        public String query() {
            return uri.getRawQuery();
        }

        /** The first value of a header, whatever the case of its name; null if absent. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Request recorded() {
            return new Request(method, uri, headers, body, receivedNanos, at, null);
        }
    }

    /** A reply: status, headers and body (an empty body is sent with no content at all). */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public Reply {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            body = body == null ? new byte[0] : body;
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        /** 200 with a JSON body. */
        public static Reply json(String body) {
            return json(200, body);
        }

        public static Reply json(int status, String body) {
            return of(status, "application/json", body);
        }

        /** A status with no body (e.g. 204). */
        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        /** The same reply with one more header. */
        public Reply withHeader(String name, String value) {
            var h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    /** What a stub in down mode answers unless told otherwise. */
    public static final Reply UNAVAILABLE = Reply.json(503, "{\"title\":\"down\"}");
    private static final Reply NO_ROUTE = Reply.of(404, "text/plain", "no route");

    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bodyBytes = new AtomicLong();
    private volatile Reply downReply;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** On a port the system picks at the first start, kept for later starts. */
    public HttpStub() {
        this(0);
    }

    /** On this port of 127.0.0.1 (0: the system picks one at the first start). */
    public HttpStub(int port) {
        this.port = port;
    }

    /** Answers requests whose path starts with {@code pathPrefix} (the longest matching prefix wins). */
    public HttpStub route(String pathPrefix, Handler handler) {
        routes.put(pathPrefix, Objects.requireNonNull(handler));
        return this;
    }

    /** Answers requests whose path starts with {@code pathPrefix} always with {@code reply}. */
    public HttpStub route(String pathPrefix, Reply reply) {
        return route(pathPrefix, request -> reply);
    }

    /** Starts serving (again, after {@link #stop()}, on the same port); does nothing if it serves already. */
    public synchronized HttpStub start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind 127.0.0.1:" + port, e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-stub-" + port);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** Stops serving: connections to the port are refused until {@link #start()}. Recorded requests stay. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            server = null;
            executor = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Down mode: every request is still recorded but answered with {@code reply}, whatever its route. */
    public HttpStub down(Reply reply) {
        downReply = Objects.requireNonNull(reply);
        return this;
    }

    /** Down mode answering {@link #UNAVAILABLE}. */
    public HttpStub down() {
        return down(UNAVAILABLE);
    }

    /** Leaves down mode: routes answer again. */
    public HttpStub up() {
        downReply = null;
        return this;
    }

    public boolean isDown() {
        return downReply != null;
    }

    /** The port (0 until the first start if the system picks it). */
    public synchronized int port() {
        return port;
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@link #url()} followed by {@code path}. */
    public String url(String path) {
        return url() + path;
    }

    /** Every request received so far, oldest first (a live, read-only view). */
    public List<Request> requests() {
        return Collections.unmodifiableList(requests);
    }

    /** The requests whose path starts with {@code pathPrefix}. */
    public List<Request> requests(String pathPrefix) {
        var out = new ArrayList<Request>();
        for (Request r : requests) {
            if (r.path().startsWith(pathPrefix)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The latest request, or null. */
    public Request last() {
        List<Request> snapshot = List.copyOf(requests);
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    /** Forgets the recorded requests. */
    public void clear() {
        requests.clear();
    }

    /** Request body bytes read so far, over all requests; grows while a body streams in. */
    public AtomicLong bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), body, receivedNanos, Instant.now(), exchange);
            requests.add(request.recorded());
            Reply reply = downReply;
            if (reply == null) {
                reply = answer(request);
            }
            send(exchange, reply);
        }
    }

    private byte[] readBody(InputStream in) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            bodyBytes.addAndGet(n);
        }
        return out.toByteArray();
    }

    private Reply answer(Request request) {
        String best = null;
        for (String prefix : routes.keySet()) {
            if (request.path().startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return NO_ROUTE;
        }
        try {
            return routes.get(best).answer(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.of(500, "text/plain", "interrupted");
        } catch (Exception e) {
            return Reply.of(500, "text/plain", "stub handler failed: " + e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
