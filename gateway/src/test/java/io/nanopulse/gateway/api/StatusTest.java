package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status against a real Kafka broker (lag, DLQ, events in) and the stand-in services (health, progress, webhooks). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class StatusTest {

    @Test
    void reportsHealthLagDlqWebhooksAndFreshness() throws Exception {
        String bootstrap = KafkaTestResource.bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("patent-events", 0, "k" + i, "{}")).get();
            }
            producer.send(new ProducerRecord<>("patent-events.dlq", 0, "bad", "not json")).get();
            producer.send(new ProducerRecord<>("patent-events.dlq", 0, "bad", "not json")).get();
        }
        long end;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicPartition p0 = new TopicPartition("patent-events", 0);
            end = admin.listOffsets(Map.of(p0, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().get(p0).offset();
            // metrics-service has consumed all but 3 records of partition 0.
            admin.alterConsumerGroupOffsets("metrics-service", Map.of(p0, new OffsetAndMetadata(end - 3))).all().get();
        }
        String key = TestKeys.withRoles("read");
        JsonPath status = RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/status")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("UP", status.getString("services.ingest.status"));
        assertEquals("UP", status.getString("services.metrics.status"));
        assertEquals("DOWN", status.getString("services.alerts.status"), "the stand-in alerts answers 503 on readiness");
        assertEquals("CLOSED", status.getString("services.metrics.breaker"));
        assertEquals(3, status.getInt("consumerGroups.find { it.group == 'metrics-service' }.lag"));
        assertEquals(3, status.getInt("consumerGroups.find { it.group == 'metrics-service' }.lagByTopic.'patent-events'"));
        assertEquals(0, status.getInt("consumerGroups.find { it.group == 'alerts-service' }.lag"));
        assertTrue(status.getLong("dlqSize") >= 2, "dlq: " + status.getLong("dlqSize"));
        assertEquals(8, status.getLong("webhooks.attempts"), "delivered 6 + retry 2; ignored is not an attempt");
        assertEquals(2, status.getLong("webhooks.failures"));
        assertEquals(0.25, status.getDouble("webhooks.failureRate"), 1e-9);
        assertEquals("2025-06-01T11:59:58Z", status.getString("lastProcessedEventAt"));
        assertNotNull(status.getString("generatedAt"));
    }

    @Test
    void anAdminKeyMaySeeTheStatusAnIngestKeyMayNot() {
        RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("admin"))).get("/api/v1/status")
                .then().statusCode(200);
        RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("ingest"))).get("/api/v1/status")
                .then().statusCode(403);
    }
}
