package io.nanopulse.alerts.support;

import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.MetricChange;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.Topics;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes metric-changes records as metrics-service does: binary-mode CloudEvents, key = changeId. */
public final class ChangePublisher {
    private static KafkaProducer<String, String> producer;

    private ChangePublisher() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    public static MetricChange change(boolean global, SubjectKind kind, String key) {
        return new MetricChange(UUID.randomUUID().toString(), Instant.now(), 1, global, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 1), List.of(new MetricChange.Subject(kind, key)));
    }

    /** Sends and waits for the broker's ack; sending the same change twice is a redelivery. */
    public static void publish(MetricChange change) {
        try {
            var record = new ProducerRecord<>(Topics.METRIC_CHANGES, change.changeId(), Json.mapper().writeValueAsString(change));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", change.changeId().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", Topics.METRICS_SOURCE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", Topics.METRIC_CHANGE_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
