package io.nanopulse.metrics.pipeline;

import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Topics and a consumer group of their own, so the retraction test shares nothing with the other pipeline tests. */
public class RetractionTopics implements QuarkusTestResourceLifecycleManager {
    static final String EVENTS = "patent-events-retractions";
    static final String CHANGES = "metric-changes-retractions";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            for (String topic : List.of(EVENTS, CHANGES)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("mp.messaging.incoming.patent-events.topic", EVENTS,
                "mp.messaging.incoming.patent-events.group.id", "metrics-retraction-test",
                "mp.messaging.outgoing.metric-changes.topic", CHANGES);
    }

    @Override
    public void stop() {
    }
}
