package io.nanopulse.testkit.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpStubTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLongestMatchingPrefixAnswersAndOtherPathsGet404() throws Exception {
        try (var stub = new HttpStub()
                .route("/", HttpStub.Reply.json("{\"root\":true}"))
                .route("/metrics", HttpStub.Reply.json("{\"metrics\":true}"))
                .route("/metrics/progress", HttpStub.Reply.json(202, "{\"progress\":true}")).start()) {
            assertEquals("{\"root\":true}", get(stub.url("/anything")).body());
            assertEquals("{\"metrics\":true}", get(stub.url("/metrics/figures?kind=COUNTRY")).body());
            HttpResponse<String> progress = get(stub.url("/metrics/progress"));
            assertEquals(202, progress.statusCode());
            assertEquals("application/json", progress.headers().firstValue("content-type").orElseThrow());
        }
        try (var bare = new HttpStub().route("/hook", HttpStub.Reply.empty(204)).start()) {
            assertEquals(404, get(bare.url("/other")).statusCode());
            HttpResponse<String> hook = post(bare.url("/hook"), "application/json", "{}");
            assertEquals(204, hook.statusCode());
            assertEquals("", hook.body());
        }
    }

    @Test
    void recordsEveryRequestAndComputesAnswersFromIt() throws Exception {
        try (var stub = new HttpStub().route("/echo", r -> HttpStub.Reply.of(201, "text/plain",
                        r.method() + " " + r.path() + " " + r.query() + " " + r.header("X-TEST-header") + " " + r.text())
                .withHeader("Retry-After", "7")).start()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stub.url("/echo/a?x=1%202&y=z")))
                    .header("x-test-header", "yes").POST(HttpRequest.BodyPublishers.ofString("héllo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode());
            assertEquals("POST /echo/a x=1%202&y=z yes héllo", response.body());
            assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());

            HttpStub.Request r = stub.last();
            assertEquals("POST", r.method());
            assertEquals("/echo/a?x=1%202&y=z", r.uri().toString());
            assertEquals(List.of("yes"), r.headers().get("X-test-header"), "the JDK server's spelling of header names");
            assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), r.body());
            assertNull(r.exchange(), "recorded requests do not keep the exchange");
            assertTrue(r.receivedNanos() > 0 && r.at() != null);
            assertEquals(1, stub.requests().size());
            assertEquals(1, stub.requests("/echo").size());
            assertEquals(0, stub.requests("/other").size());
            assertEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8).length, stub.bodyBytes().get());
            stub.clear();
            assertNull(stub.last());
        }
    }

    @Test
    void aFailingHandlerAnswers500() throws Exception {
        try (var stub = new HttpStub().route("/", r -> {
            throw new IllegalStateException("boom");
        }).start()) {
            HttpResponse<String> response = get(stub.url("/x"));
            assertEquals(500, response.statusCode());
            assertTrue(response.body().contains("boom"), response.body());
        }
    }

    @Test
    void downModeAnswersEveryRequestTheSameUntilUp() throws Exception {
        try (var stub = new HttpStub().route("/", HttpStub.Reply.json("{}")).start()) {
            stub.down();
            assertTrue(stub.isDown());
            HttpResponse<String> down = get(stub.url("/a"));
            assertEquals(503, down.statusCode());
            assertEquals("{\"title\":\"down\"}", down.body());
            stub.down(HttpStub.Reply.of(502, "text/html", "<html>bad gateway</html>"));
            assertEquals(502, get(stub.url("/nowhere")).statusCode());
            stub.up();
            assertEquals(200, get(stub.url("/a")).statusCode());
            assertEquals(3, stub.requests().size(), "requests in down mode are recorded too");
        }
    }

    @Test
    void stoppedItRefusesConnectionsAndStartsAgainOnTheSamePort() throws Exception {
        try (var stub = new HttpStub().route("/", HttpStub.Reply.json("{}")).start()) {
            int port = stub.port();
            assertTrue(port > 0);
            assertEquals(200, get(stub.url("/")).statusCode());
            stub.stop();
            assertFalse(stub.running());
            assertThrows(ConnectException.class, () -> get(stub.url("/")));
            stub.start();
            assertEquals(port, stub.port());
            assertEquals(200, get(stub.url("/")).statusCode());
            assertEquals(2, stub.requests().size(), "what was recorded stays across a restart");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (var stub = new HttpStub().start()) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), stub.port()), 2000);
            }
            InetAddress other = nonLoopbackAddress();
            if (other != null) {
                assertThrows(IOException.class, () -> {
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(other, stub.port()), 2000);
                    }
                });
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        var interfaces = java.net.NetworkInterface.networkInterfaces().toList();
        for (var ni : interfaces) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (var a : ni.inetAddresses().toList()) {
                if (a instanceof java.net.Inet4Address) return a;
            }
        }
        return null;
    }

    @Test
    void bodyBytesGrowWhileABodyStreamsIn() throws Exception {
        try (var stub = new HttpStub().route("/upload", r -> HttpStub.Reply.json("{\"bytes\":" + r.body().length + "}")).start();
             var socket = new Socket(InetAddress.getLoopbackAddress(), stub.port())) {
            var out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: 10\r\nConnection: close\r\n\r\n12345").getBytes());
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stub.bodyBytes().get() < 5 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(5, stub.bodyBytes().get(), "the first half is counted while the rest is still to come");
            assertEquals(0, stub.requests().size(), "a request is recorded once its body is complete");
            out.write("67890".getBytes());
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.endsWith("{\"bytes\":10}"), answer);
            assertEquals(10, stub.bodyBytes().get());
        }
    }
}
