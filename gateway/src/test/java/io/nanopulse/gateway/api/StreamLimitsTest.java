package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.ShortTimeouts;
import io.nanopulse.gateway.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key holds at most nanopulse.gateway.streams.max-per-key open live streams: one more is refused 429 while
 * another key still gets its stream, and a stream's slot (and its connection to the service) is free again
 * once its client goes away.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class StreamLimitsTest {
    static final int MAX_PER_KEY = 4;

    @Test
    void oneStreamBeyondTheKeysLimitIsRefusedAndClosedStreamsFreeTheirSlots() throws Exception {
        String key = TestKeys.withRoles("alerts");
        String other = TestKeys.withRoles("alerts");
        int served = ShortTimeouts.OPEN_STREAMS.get();
        for (int round = 0; round < 3; round++) {
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < MAX_PER_KEY; i++) {
                // A slot is freed once the gateway has noticed that the client of a closed stream is gone.
                open.add(await().atMost(Duration.ofSeconds(20)).until(() -> openStream(key), s -> s != null));
            }
            Response refused = RestAssured.given().header("Authorization", TestKeys.bearer(key))
                    .get("/api/v1/subscribers/" + StreamRevocationTest.SUBSCRIBER + "/stream");
            assertEquals(429, refused.statusCode());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
            assertEquals("https://nanopulse.io/problems/rate-limited", refused.jsonPath().getString("type"));
            assertTrue(refused.jsonPath().getString("detail").contains(MAX_PER_KEY + " open live streams (nanopulse.gateway.streams.max-per-key)"),
                    refused.jsonPath().getString("detail"));

            Socket another = openStream(other);
            assertTrue(another != null, "another key gets its stream");
            another.close();
            for (Socket s : open) {
                s.close();
            }
        }
        // The gateway closes its connections to the service too, once their callers are gone.
        await().atMost(Duration.ofSeconds(20)).until(() -> ShortTimeouts.OPEN_STREAMS.get() <= served);
    }

    /** Streams that the service ends free their slots too: more of them, one after another, than the limit. */
    @Test
    void streamsTheServiceEndsFreeTheirSlots() {
        String key = TestKeys.withRoles("alerts");
        for (int i = 0; i < 2 * MAX_PER_KEY + 1; i++) {
            assertEquals(200, RestAssured.given().header("Authorization", TestKeys.bearer(key))
                    .get("/api/v1/subscribers/" + ShortTimeouts.ENDED + "/stream").statusCode());
        }
    }

    /** An open stream (its socket, the answer's head read), or null when the gateway refused it. */
    static Socket openStream(String key) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/subscribers/" + StreamRevocationTest.SUBSCRIBER + "/stream HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: " + TestKeys.bearer(key) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String status = in.readLine();
        if (status != null && status.startsWith("HTTP/1.1 200")) {
            return socket;
        }
        assertTrue(status != null && status.startsWith("HTTP/1.1 429"), "unexpected answer: " + status);
        socket.close();
        return null;
    }
}
