package io.nanopulse.system;

import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.infra.Ports;
import io.restassured.path.json.JsonPath;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A subscriber's webhook endpoint on the testkit's {@link HttpStub} that records what alerts-service delivered:
 * every request's {@code webhook-id} (retries repeat it, so duplicates are kept apart from distinct ids) and
 * the notification it carried. It can go down (connections refused) and come back on the same port, as a real
 * receiver would.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final String PATH = "/hook";

    /** What one webhook-id carried: the CloudEvent id (the transition's id), rule name and new state. */
    record Notification(String transitionId, String rule, String to) {
    }

    private final Map<String, Set<Notification>> byWebhookId = new ConcurrentHashMap<>();
    private final HttpStub stub = new HttpStub(Ports.free()).route(PATH, this::receive);

    WebhookReceiver() {
        up();
    }

    String url() {
        return stub.url(PATH);
    }

    void up() {
        stub.start();
    }

    /** Down: the port refuses connections until {@link #up()}. */
    void down() {
        stub.stop();
    }

    /** Distinct webhook-ids received, each with what it carried (more than one entry would be a bug). */
    Map<String, Set<Notification>> byWebhookId() {
        return Map.copyOf(byWebhookId);
    }

    /** Every request received, retries with the same webhook-id included. */
    int requests() {
        return stub.requests(PATH).size();
    }

    private HttpStub.Reply receive(HttpStub.Request request) {
        JsonPath body = JsonPath.from(request.text());
        byWebhookId.computeIfAbsent(request.header("webhook-id"), k -> ConcurrentHashMap.newKeySet()).add(new Notification(
                body.getString("id"), body.getString("data.rule.name"), body.getString("data.transition.to")));
        return HttpStub.Reply.empty(204);
    }

    @Override
    public void close() {
        down();
    }
}
