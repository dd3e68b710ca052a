package io.nanopulse.alerts.support;

import io.nanopulse.testkit.http.HttpStub;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real webhook receiver on the testkit's {@link HttpStub}. It verifies Standard Webhooks signatures with its
 * own HMAC code (javax.crypto here, not the service's signer), records every request with the status it
 * answered, and can be scripted (answer codes, Retry-After) or taken down and brought back on the same port.
 */
public class WebhookReceiver implements AutoCloseable {
    private static final String PATH = "/hook";

    /** One request as received; {@code verifiedWith} lists the indexes of the secrets whose signature matched. */
    public record Received(String webhookId, String timestamp, String signature, String contentType, String traceparent,
                           String body, List<Integer> verifiedWith, int answered, Instant at) {
        public boolean verified() {
            return !verifiedWith.isEmpty();
        }
    }

    private final HttpStub stub = new HttpStub().route(PATH, this::receive);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<int[]> script = new ArrayDeque<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile long holdNextMillis;

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
    public WebhookReceiver holdNext(Duration d) {
        holdNextMillis = d.toMillis();
        return this;
    }

    /** Requests that arrived, answered or not yet. */
    public int arrivals() {
        return stub.requests(PATH).size();
    }

    public String url() {
        return stub.url(PATH);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    /** Serves (again, on the same port). */
    public void start() {
        stub.start();
    }

    /** Takes the receiver down: connections are refused until {@link #start()}. */
    public void stop() {
        stub.stop();
    }

    private HttpStub.Reply receive(HttpStub.Request request) {
        long hold = holdNextMillis;
        if (hold > 0) {
            holdNextMillis = 0;
            try {
                Thread.sleep(hold);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = request.header("webhook-id");
        String ts = request.header("webhook-timestamp");
        String sig = request.header("webhook-signature");
        String body = request.text();
        int[] next = nextAnswer();
        received.add(new Received(id, ts, sig, request.header("content-type"), request.header("traceparent"), body,
                verify(id, ts, sig, body), next[0], Instant.now()));
        HttpStub.Reply reply = HttpStub.Reply.empty(next[0]);
        return next[1] >= 0 ? reply.withHeader("Retry-After", Integer.toString(next[1])) : reply;
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
