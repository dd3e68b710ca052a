package io.nanopulse.system;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Shared helpers of the cross-service tests. */
public final class Platforms {
    private Platforms() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("nanopulse.root", "..")).toAbsolutePath().normalize();
    }

    static LocalPlatform.Settings settings(String name) {
        Path data = repoRoot().resolve("system-tests/target/platform-" + name + "-" + UUID.randomUUID().toString().substring(0, 6));
        return LocalPlatform.Settings.forTests(repoRoot(), data, "np_" + LocalPlatform.randomSecret(24));
    }

    /**
     * Test settings whose alerts-service may call webhooks on 127.0.0.1 (the tests' receivers) and evaluates
     * rules only on metric-changes (no periodic pass), so every transition has a known cause.
     */
    static LocalPlatform.Settings withLocalWebhooks(String name) {
        var base = settings(name);
        return new LocalPlatform.Settings(base.repoRoot(), base.dataDir(), false, base.postgresPort(), base.kafkaPort(),
                base.gatewayPort(), base.ingestPort(), base.metricsPort(), base.alertsPort(), base.adminKey(),
                Map.of("alerts-service", Map.of("NANOPULSE_ALERTS_WEBHOOK_ALLOW_HOSTS", "127.0.0.1",
                        "NANOPULSE_ALERTS_DELIVERY_POLL_INTERVAL", "1s", "NANOPULSE_ALERTS_EVALUATION_INTERVAL", "off")));
    }

    /** The same settings with more environment for one service (added to, or overriding, what it had). */
    static LocalPlatform.Settings withEnv(LocalPlatform.Settings base, String service, Map<String, String> env) {
        var all = new HashMap<>(base.extraEnv());
        var merged = new HashMap<>(all.getOrDefault(service, Map.of()));
        merged.putAll(env);
        all.put(service, Map.copyOf(merged));
        return new LocalPlatform.Settings(base.repoRoot(), base.dataDir(), base.durable(), base.postgresPort(), base.kafkaPort(),
                base.gatewayPort(), base.ingestPort(), base.metricsPort(), base.alertsPort(), base.adminKey(), Map.copyOf(all));
    }

    /** A request straight to a service, proven as the gateway would (role read) with the platform's key file. */
    static RequestSpecification direct(LocalPlatform platform) {
        return given().filter(GatewayProof.as(platform.signingKeyFile(), ForwardedIdentity.of("system-tests", "read")));
    }

    /** Issues an API key with the platform's admin key; returns the key (shown only this once). */
    public static String issueKey(LocalPlatform platform, String principal, List<String> roles) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("principal", principal, "roles", roles))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().jsonPath().getString("key");
    }

    static void produce(String bootstrap, List<io.nanopulse.testkit.corpus.MessyStream.Record> records) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 262144),
                new StringSerializer(), new StringSerializer())) {
            for (var r : records) {
                producer.send(new ProducerRecord<>("patent-events", r.key(), r.value()));
            }
            producer.flush();
        }
    }

    /** Records of a topic not yet committed by a consumer group (its lag), summed over partitions. */
    static long lag(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                lag += e.getValue().offset() - committed.getOrDefault(e.getKey(), 0L);
            }
            return lag;
        }
    }
}
