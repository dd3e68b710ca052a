package io.nanopulse.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small real HTTP server standing in for one service (the full cross-service flow is tested elsewhere):
 * answers by path prefix, records what it received, and can be stopped and started again on the same port.
 */
public final class FakeService {
    /** One received request: what the gateway actually sent. */
    public record Received(String method, String uri, Map<String, List<String>> headers, long bodyBytes) {
    }

    public record Answer(int status, String contentType, String body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private int port;
    private final Map<String, Function<HttpExchange, Answer>> routes = new ConcurrentHashMap<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    /** Request body bytes read so far, updated while a body streams in. */
    public final AtomicLong bodyBytesSeen = new AtomicLong();
    private HttpServer server;

    public FakeService(int port) {
        this.port = port;
    }

    /** On a port the system picks when it first starts (no window for another process to take it first). */
    public FakeService() {
        this(0);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public FakeService route(String pathPrefix, Function<HttpExchange, Answer> answer) {
        routes.put(pathPrefix, answer);
        return this;
    }

    public FakeService route(String pathPrefix, String json) {
        return route(pathPrefix, x -> Answer.json(json));
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            port = server.getAddress().getPort(); // a restart binds the same port again
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public Received last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    private void handle(HttpExchange x) throws IOException {
        long n = 0;
        try (InputStream in = x.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
                bodyBytesSeen.addAndGet(r);
            }
        }
        String path = x.getRequestURI().getPath();
        received.add(new Received(x.getRequestMethod(), x.getRequestURI().toString(), Map.copyOf(x.getRequestHeaders()), n));
        String best = null;
        for (String prefix : routes.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        final long bodyBytes = n;
        Answer answer = best == null ? new Answer(404, "text/plain", "no route")
                : routes.get(best).apply(x);
        byte[] bytes = answer.body().replace("${bodyBytes}", Long.toString(bodyBytes)).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", answer.contentType());
        x.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
