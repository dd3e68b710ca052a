package io.nanopulse.system;

import com.sun.net.httpserver.HttpServer;
import io.nanopulse.testkit.infra.Ports;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber's webhook endpoint on 127.0.0.1 that records what alerts-service delivered: every request's
 * {@code webhook-id} (retries repeat it, so duplicates are kept apart from distinct ids) and the notification
 * it carried. It can go down (connections refused) and come back on the same port, as a real receiver would.
 */
final class WebhookReceiver implements AutoCloseable {
    /** What one webhook-id carried: the CloudEvent id (the transition's id), rule name and new state. */
    record Notification(String transitionId, String rule, String to) {
    }

    private final int port = Ports.free();
    private final Map<String, Set<Notification>> byWebhookId = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    WebhookReceiver() {
        up();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    synchronized void up() {
        if (server != null) return;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("webhook receiver could not bind 127.0.0.1:" + port, e);
        }
        server.createContext("/hook", ex -> {
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            JsonPath body = JsonPath.from(new String(ex.getRequestBody().readAllBytes()));
            requests.add(id);
            byWebhookId.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(new Notification(body.getString("id"),
                    body.getString("data.rule.name"), body.getString("data.transition.to")));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    /** Down: the port refuses connections until {@link #up()}. */
    synchronized void down() {
        if (server != null) server.stop(0);
        server = null;
    }

    /** Distinct webhook-ids received, each with what it carried (more than one entry would be a bug). */
    Map<String, Set<Notification>> byWebhookId() {
        return Map.copyOf(byWebhookId);
    }

    /** Every request received, retries with the same webhook-id included. */
    int requests() {
        return requests.size();
    }

    @Override
    public void close() {
        down();
    }
}
