package io.nanopulse.gateway.api;

import io.nanopulse.gateway.application.ApiKeyStore;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.support.ShortTimeouts;
import io.nanopulse.gateway.support.TestKeys;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A live stream outlives the HTTP idle timeout (heartbeats) and ends once its key is revoked, also when the
 * revocation is made elsewhere (straight in the key store, as another gateway instance would), within the
 * auth cache TTL.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class StreamRevocationTest {
    static final String SUBSCRIBER = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11";
    static final String END = "\u0000end";

    @Test
    void aStreamEndsOnceItsKeyIsRevokedElsewhere() throws Exception {
        String key = TestKeys.withRoles("alerts");
        ShortTimeouts.EVENTS.clear();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/api/v1/subscribers/" + SUBSCRIBER + "/stream"))
                .header("Authorization", TestKeys.bearer(key)).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(response.body(), lines), "stream-reader");
        reader.setDaemon(true);
        reader.start();

        // Sent until it arrives: the gateway may not be reading the service's stream yet.
        awaitLine(lines, "first", true);
        // Quiet for longer than the idle timeout: heartbeats keep the stream open.
        long quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * Long.parseLong(ShortTimeouts.IDLE_TIMEOUT_MILLIS));
        boolean heartbeat = false;
        while (System.nanoTime() < quietUntil) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            assertTrue(line == null || !line.equals(END), "the stream ended while quiet");
            heartbeat |= line != null && line.startsWith(":");
        }
        assertTrue(heartbeat, "a heartbeat comment while quiet");
        awaitLine(lines, "second", false);

        revokeInTheStore(key);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ShortTimeouts.CACHE_TTL_MILLIS + 10_000);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("the stream is still open well after the cache TTL");
            }
            if (line.equals(END)) {
                break;
            }
        }
        assertEquals(401, RestAssured.given().header("Authorization", TestKeys.bearer(key))
                .get("/api/v1/subscribers/" + SUBSCRIBER).statusCode(), "the key is refused from now on");
    }

    /** The service's answer may end before the gateway reads it. */
    @Test
    void aStreamTheServiceEndsEndsToo() throws Exception {
        String key = TestKeys.withRoles("alerts");
        for (int i = 0; i < 5; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                            + "/api/v1/subscribers/" + ShortTimeouts.ENDED + "/stream"))
                    .header("Authorization", TestKeys.bearer(key)).header("Accept", "text/event-stream")
                    .timeout(java.time.Duration.ofSeconds(20)).GET().build();
            HttpResponse<String> response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(20, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
        }
    }

    /** As another instance would: in the store, without this instance's cache knowing. */
    static void revokeInTheStore(String key) {
        ApiKeyStore store = Arc.container().instance(ApiKeyStore.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            long id = store.findByHash(KeyMaterial.hash(key)).orElseThrow().id();
            store.revoke(id, OffsetDateTime.now(ZoneOffset.UTC));
        });
    }

    /** Sends an event with this data through the service's stream and waits for it on the gateway's. */
    static void awaitLine(BlockingQueue<String> lines, String data, boolean resend) throws InterruptedException {
        String expected = "data:" + data;
        ShortTimeouts.EVENTS.add(data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long resendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && expected.equals(line.replaceFirst("^data: ", "data:"))) {
                ShortTimeouts.EVENTS.clear();
                return;
            }
            assertTrue(line == null || !line.equals(END), "the stream ended before " + expected);
            if (resend && System.nanoTime() > resendAt && ShortTimeouts.EVENTS.isEmpty()) {
                ShortTimeouts.EVENTS.add(data);
                resendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            }
        }
        fail("no " + expected + " on the stream (left unsent: " + ShortTimeouts.EVENTS + ")");
    }

    static void read(InputStream body, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("\u0000failed: " + e);
        }
        lines.add(END);
    }
}
