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

/**
 * Topics and a consumer group of a test's own, named by its init args {@code events}, {@code changes} and
 * {@code group}, so the test shares nothing with the other pipeline tests.
 */
public class OwnTopics implements QuarkusTestResourceLifecycleManager {
    private Map<String, String> names = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        names = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            for (String topic : List.of(names.get("events"), names.get("changes"))) {
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
        return Map.of("mp.messaging.incoming.patent-events.topic", names.get("events"),
                "mp.messaging.incoming.patent-events.group.id", names.get("group"),
                "mp.messaging.outgoing.metric-changes.topic", names.get("changes"));
    }

    @Override
    public void stop() {
    }
}
