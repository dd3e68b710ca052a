package io.nanopulse.alerts.support;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real webhook receiver. It verifies Standard Webhooks signatures with its own HMAC code (javax.crypto
 * here, not the service's signer), records every request with the status it answered, and can be
 * scripted (answer codes, Retry-After) or taken down and brought back on the same port.
 */
public class WebhookReceiver implements AutoCloseable {

    /** One request as received; {@code verifiedWith} lists the indexes of the secrets whose signature matched. */
    public record Received(String webhookId, String timestamp, String signature, String contentType, String traceparent,
                           String body, List<Integer> verifiedWith, int answered, Instant at) {
        public boolean verified() {
            return !verifiedWith.isEmpty();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<int[]> script = new ArrayDeque<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long holdNextMillis;
    private volatile int port;
    private HttpServer server;

    public WebhookReceiver() {
        start();
    }

    /** Secrets to verify with, e.g. the one the subscriber was created with. */
    public WebhookReceiver trust(String... whsecSecrets) {
        secrets.clear();
        secrets.addAll(List.of(whsecSecrets));
        return this;
    }

    /** The next answers, in order: {status, retryAfterSeconds or -1}. Afterwards: 204. */
    public synchronized WebhookReceiver answer(int status, int retryAfterSeconds) {
        script.add(new int[]{status, retryAfterSeconds});
        return this;
    }

    /** The next request is held this long before it is answered (a receiver slow enough to be cut off). */
    public WebhookReceiver holdNext(java.time.Duration d) {
        holdNextMillis = d.toMillis();
        return this;
    }

    /** Requests that arrived, answered or not yet. */
    public int arrivals() {
        return arrivals.get();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                arrivals.incrementAndGet();
                long hold = holdNextMillis;
                if (hold > 0) {
                    holdNextMillis = 0;
                    try {
                        Thread.sleep(hold);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                var h = exchange.getRequestHeaders();
                String id = h.getFirst("webhook-id");
                String ts = h.getFirst("webhook-timestamp");
                String sig = h.getFirst("webhook-signature");
                int[] next = nextAnswer();
                received.add(new Received(id, ts, sig, h.getFirst("content-type"), h.getFirst("traceparent"), body,
                        verify(id, ts, sig, body), next[0], Instant.now()));
                if (next[1] >= 0) {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
                }
                exchange.sendResponseHeaders(next[0], -1);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** Takes the receiver down: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private synchronized int[] nextAnswer() {
        return script.isEmpty() ? new int[]{204, -1} : script.poll();
    }

    private List<Integer> verify(String id, String ts, String header, String body) {
        List<Integer> ok = new ArrayList<>();
        if (id == null || ts == null || header == null) {
            return ok;
        }
        for (int i = 0; i < secrets.size(); i++) {
            byte[] expected = hmac(secrets.get(i), id + "." + ts + "." + body);
            for (String part : header.split(" ")) {
                if (part.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    ok.add(i);
                }
            }
        }
        return ok;
    }

    private static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
