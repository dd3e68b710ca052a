package io.nanopulse.alerts.client;

import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.WebhookUrlPolicy;
import io.nanopulse.testkit.http.HttpStub;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender connects to the address the policy checked: names resolve through a fixed resolver (no real DNS),
 * here to loopback, where a real HTTP server listens.
 */
class WebhookSenderTest {
    private static final String PASSWORD = "receiver-pass";
    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpStub RECEIVER = new HttpStub()
            .route("/hook", HttpStub.Reply.empty(204))
            .route("/moved", HttpStub.Reply.empty(302).withHeader("Location", "/elsewhere"))
            .route("/elsewhere", HttpStub.Reply.empty(204))
            .start();

    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, String> dns = Map.of("receiver.test", "127.0.0.1", "evil.test", "127.0.0.1", "other.test", "127.0.0.1");

    private WebhookSender sender(Set<String> allowHosts) {
        WebhookUrlPolicy.Resolver resolver = host -> {
            lookups.incrementAndGet();
            String ip = dns.get(host);
            if (ip == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[]{InetAddress.getByName(ip)};
        };
        return new WebhookSender(VERTX, new WebhookUrlPolicy(allowHosts, resolver), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private WebhookSender trusting(Path keystore, Set<String> allowHosts) {
        WebhookUrlPolicy.Resolver resolver = host -> {
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName(dns.get(host))};
        };
        var options = new HttpClientOptions().setTrustOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD));
        return new WebhookSender(VERTX, new WebhookUrlPolicy(allowHosts, resolver), options, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static Claim claim(String url) {
        return new Claim(UUID.randomUUID(), UUID.randomUUID(), url, List.of("whsec_" + "A".repeat(43)), "{\"x\":1}", null);
    }

    @BeforeEach
    void clear() {
        RECEIVER.clear();
    }

    @AfterAll
    static void close() {
        RECEIVER.close();
        VERTX.close();
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheNameInTheHostHeader() {
        String url = "http://receiver.test:" + RECEIVER.port() + "/hook?team=ip";
        AttemptResult result = sender(Set.of("receiver.test")).send(claim(url));
        assertEquals(204, result.statusCode(), String.valueOf(result));
        assertNull(result.error());
        assertEquals(1, lookups.get(), "one resolution per send");
        HttpStub.Request got = RECEIVER.last();
        assertEquals("POST", got.method());
        assertEquals("/hook", got.path());
        assertEquals("team=ip", got.query());
        assertEquals("receiver.test:" + RECEIVER.port(), got.header("host"));
        assertEquals(WebhookSender.CONTENT_TYPE, got.header("content-type"));
        assertTrue(got.header("webhook-signature").startsWith("v1,"));
        assertEquals("{\"x\":1}", got.text());
    }

    /** HTTPS to the checked address: SNI and certificate verification use the URL's name, not the address. */
    @Test
    void tlsKeepsTheNameForSniAndCertificateVerification(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=receiver.test", "-ext", "SAN=dns:receiver.test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        var seen = new CopyOnWriteArrayList<String>();
        HttpServer server = VERTX.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD)))
                .requestHandler(r -> {
                    seen.add(r.connection().indicatedServerName() + " " + r.getHeader("host"));
                    r.response().setStatusCode(204).end();
                });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            int port = server.actualPort();
            AttemptResult ok = trusting(keystore, Set.of("receiver.test", "other.test")).send(claim("https://receiver.test:" + port + "/hook"));
            assertEquals(204, ok.statusCode(), String.valueOf(ok));
            assertEquals(List.of("receiver.test receiver.test:" + port), seen);
            // The same address under a name the certificate does not carry fails verification.
            AttemptResult wrongName = trusting(keystore, Set.of("receiver.test", "other.test")).send(claim("https://other.test:" + port + "/hook"));
            assertNull(wrongName.statusCode());
            assertEquals(1, seen.size());
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNameResolvingToAForbiddenAddressIsNeverCalled() {
        AttemptResult result = sender(Set.of("receiver.test")).send(claim("http://evil.test:" + RECEIVER.port() + "/hook"));
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("refused: webhookUrl host 'evil.test' resolves to 127.0.0.1, in 127.0.0.0/8, loopback"),
                result.error());
        assertTrue(RECEIVER.requests().isEmpty());
    }

    @Test
    void redirectsAreNotFollowed() {
        AttemptResult result = sender(Set.of("receiver.test")).send(claim("http://receiver.test:" + RECEIVER.port() + "/moved"));
        assertEquals(302, result.statusCode());
        assertEquals("redirect not followed", result.error());
        assertEquals(1, RECEIVER.requests().size());
        assertTrue(RECEIVER.requests("/elsewhere").isEmpty());
    }
}
