package io.nanopulse.contracts.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** alerts-service's public bodies on the wire: which members are left out when absent and which stay as null. */
class AlertsBodiesTest {
    private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void aSubscriberLeavesOutWhatItDoesNotHave() {
        UUID id = UUID.randomUUID();
        JsonNode json = Json.mapper().valueToTree(new Subscriber(id, "ops", new Webhook("https://hooks.example.org/x",
                "ENABLED", null, null, null), "/subscribers/" + id + "/stream", null, null, T, T));
        assertEquals(id.toString(), json.get("id").asText());
        assertFalse(json.has("secret"), "the secret appears only where it was created");
        assertFalse(json.has("previousSecretValidUntil"));
        assertTrue(json.get("webhook").has("disabledReason"), "the webhook's state members are always present");
        assertTrue(json.get("webhook").get("disabledReason").isNull());
    }

    @Test
    void aRuleKeepsItsNullMembers() {
        JsonNode json = Json.mapper().valueToTree(new Rule(UUID.randomUUID(), UUID.randomUUID(), "CN share",
                new SubjectRef("COUNTRY", "CN"), "share", "P12M", "ABOVE", 0.45, null, "PT0S", null, Map.of(), 1,
                "OK", T, T, T));
        assertEquals("CN", json.get("subject").get("key").asText());
        assertTrue(json.get("recoveryThreshold").isNull());
        assertTrue(json.get("repeatInterval").isNull());
    }

    @Test
    void aDeliveryPageCarriesItsAttemptLog() {
        var delivery = new Delivery(UUID.randomUUID(), "msg_0", UUID.randomUUID(), UUID.randomUUID(),
                "io.nanopulse.alert.firing", "DELIVERED", 1, null, 204, null, T, T,
                List.of(new DeliveryAttempt(T, 204, 12, "delivered", null)));
        JsonNode json = Json.mapper().valueToTree(new DeliveryPage(List.of(delivery), 0, 50, 1));
        assertEquals(1, json.get("totalItems").asLong());
        assertEquals(204, json.get("items").get(0).get("attemptLog").get(0).get("statusCode").asInt());
    }
}
