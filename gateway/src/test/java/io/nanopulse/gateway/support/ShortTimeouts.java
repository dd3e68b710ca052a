package io.nanopulse.gateway.support;

import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway with short connection timeouts (HTTP idle timeout, stream heartbeat, auth cache TTL) in front of
 * an alerts-service stand-in whose subscriber streams send what a test puts in {@link #EVENTS}.
 */
public class ShortTimeouts implements QuarkusTestProfile {
    public static final String IDLE_TIMEOUT_MILLIS = "1000";
    public static final long CACHE_TTL_MILLIS = 1000;
    /** The data of the next event of the open stream. */
    public static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    public static volatile HttpStub alerts;
    /** Subscriber streams the stand-in is serving now. */
    public static final AtomicInteger OPEN_STREAMS = new AtomicInteger();
    /** A subscriber whose stream the service answers with a plain, complete body. */
    public static final String ENDED = "6a1f3c9e-2b4d-4e8f-9c1a-7d5e3b2f1a09";

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Infra.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.idle-timeout", IDLE_TIMEOUT_MILLIS + "ms",
                "nanopulse.gateway.stream-heartbeat", "250ms",
                "nanopulse.gateway.auth.cache-ttl", CACHE_TTL_MILLIS + "ms",
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "nanopulse.gateway.kafka.timeout", "200ms");
    }

    /** PostgreSQL (database gateway) and the alerts stand-in. */
    public static class Infra implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            PostgresTestResource postgres = new PostgresTestResource();
            postgres.init(Map.of("database", "gateway"));
            Map<String, String> config = new HashMap<>(postgres.start());
            alerts = new HttpStub().route("/subscribers/", request -> {
                if (!request.path().endsWith("/stream") || request.path().contains(ENDED)) {
                    return HttpStub.Reply.json("{\"id\":\"0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11\",\"name\":\"ops\"}");
                }
                stream(request.exchange());
                return HttpStub.Reply.empty(200);
            }).start();
            config.put("quarkus.rest-client.alerts.url", alerts.url());
            return config;
        }

        /** Holds the response open, sending each queued event, until the gateway goes away. */
        private static void stream(com.sun.net.httpserver.HttpExchange exchange) throws IOException, InterruptedException {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            OPEN_STREAMS.incrementAndGet();
            try {
                while (true) {
                    String data = EVENTS.poll(200, TimeUnit.MILLISECONDS);
                    try {
                        out.write((data == null ? ":\n" : "data:" + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException gone) {
                        return;
                    }
                }
            } finally {
                OPEN_STREAMS.decrementAndGet();
            }
        }

        @Override
        public void stop() {
            if (alerts != null) {
                alerts.stop();
            }
        }
    }
}
