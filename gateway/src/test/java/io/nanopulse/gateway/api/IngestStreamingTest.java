package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events body is streamed through, not buffered: the client sends the first part of a large NDJSON
 * body and then holds the rest back until ingest-service (the stand-in) has received bytes of it. A gateway
 * that read the whole body before forwarding would never let the first bytes through, and the test fails.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class IngestStreamingTest {
    static final long TOTAL = 256L * 1024 * 1024; // 256 MiB: more than the test JVM would like to buffer twice
    static final int HEAD = 4 * 1024 * 1024;

    @TestHTTPResource("/api/v1/events")
    URI events;

    /** NDJSON lines; blocks after HEAD bytes until the service has seen some, then sends the rest. */
    static final class HeldBackBody extends InputStream {
        private final byte[] line = "{\"type\":\"PATENT_FILED\",\"eventId\":\"e\",\"patentId\":\"CN115123456A\"}\n".getBytes();
        private long sent;
        private final long baseline;
        volatile boolean sawEarlyBytes;

        HeldBackBody(long baseline) {
            this.baseline = baseline;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= TOTAL) {
                return -1;
            }
            if (sent >= HEAD && !sawEarlyBytes) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (FakeServices.ingest.bodyBytesSeen.get() <= baseline) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("ingest received nothing while the client held the body back: the gateway buffers");
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                sawEarlyBytes = true;
            }
            int n = (int) Math.min(len, TOTAL - sent);
            for (int i = 0; i < n; i++) {
                b[off + i] = line[(int) ((sent + i) % line.length)];
            }
            sent += n;
            return n;
        }
    }

    @Test
    void aLargeNdjsonBodyReachesIngestWhileItIsStillBeingSent() throws Exception {
        String key = TestKeys.withRoles("ingest");
        long baseline = FakeServices.ingest.bodyBytesSeen.get();
        HeldBackBody body = new HeldBackBody(baseline);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                        .header("Authorization", TestKeys.bearer(key))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        assertTrue(body.sawEarlyBytes, "the service saw bytes before the client finished");
        assertTrue(response.body().contains("\"bytes\":" + TOTAL), "every byte arrived: " + response.body());
        assertEquals(TOTAL, FakeServices.ingest.last().bodyBytes());
        assertEquals(java.util.List.of("application/x-ndjson"), FakeServices.ingest.last().headers().get("Content-type"));
    }

    @Test
    void csvImportsAreForwardedWithTheirType() throws Exception {
        String key = TestKeys.withRoles("ingest");
        byte[] csv = "patentId,country,institution,sector,filingDate,city\nCN115123456A,CN,CAS,MATERIALS,2024-01-02,Beijing\n".getBytes();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events.resolve("/api/v1/imports"))
                        .header("Authorization", TestKeys.bearer(key)).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        assertEquals("/imports", FakeServices.ingest.last().uri());
        assertEquals(csv.length, FakeServices.ingest.last().bodyBytes());
        assertTrue(Arrays.asList(response.headers().allValues("content-type").toArray()).toString().contains("application/json"));
    }
}
