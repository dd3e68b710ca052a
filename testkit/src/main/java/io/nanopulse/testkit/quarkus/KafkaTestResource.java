package io.nanopulse.testkit.quarkus;

import io.nanopulse.contracts.Topics;
import io.nanopulse.testkit.infra.KafkaBroker;
import io.nanopulse.testkit.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker: the one named by KAFKA_BOOTSTRAP_SERVERS, or one
 * started once per test JVM under target/ and stopped when the JVM exits. Topics are created with the
 * partition counts of the local run.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    public static final Map<String, Integer> TOPICS = Map.of(
            Topics.PATENT_EVENTS, 6, Topics.PATENT_EVENTS_DLQ, 1, Topics.METRIC_CHANGES, 3);

    private static KafkaBroker broker;
    private static String bootstrap;

    /** The broker started by this JVM, for fault tests that stop and restart it; null when external. */
    public static synchronized KafkaBroker broker() {
        return broker;
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                bootstrap = external;
            } else {
                Path dir = Path.of("target", "infra", "kafka-" + UUID.randomUUID().toString().substring(0, 8));
                broker = KafkaBroker.start(dir, Ports.free(), "512m");
                broker.createTopics(TOPICS);
                bootstrap = broker.bootstrapServers();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
            }
        }
        return bootstrap;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the shutdown hook.
    }
}
