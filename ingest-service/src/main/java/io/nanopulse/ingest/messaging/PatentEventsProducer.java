package io.nanopulse.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.nanopulse.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one Kafka producer of patent-events, shared by every request (KafkaProducer is thread-safe and
 * batches across callers). Built from the {@code kafka.*} connection settings and
 * {@code nanopulse.ingest.producer.*}; the settings that make "accepted" mean "stored" are fixed here.
 */
@ApplicationScoped
public class PatentEventsProducer {

    private KafkaClientMetrics meters;

    @Produces
    @ApplicationScoped
    Producer<String, byte[]> producer(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
                                      MeterRegistry registry) {
        var producer = new KafkaProducer<>(properties(kafka, config.producer()), new StringSerializer(), new ByteArraySerializer());
        // The producer's own meters (kafka_producer_*: send rate, batch size, errors, buffer use) on /q/metrics.
        meters = new KafkaClientMetrics(producer);
        meters.bindTo(registry);
        return producer;
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        if (meters != null) {
            meters.close();
        }
        producer.close(Duration.ofSeconds(5));
    }

    static Map<String, Object> properties(Map<String, Object> kafka, IngestConfig.Producer producer) {
        var props = new HashMap<String, Object>();
        // Connection settings only (bootstrap servers, security); everything else is the producer's own.
        kafka.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-patent-events");
        // Durable before "accepted": all in-sync replicas, and idempotent retries within the delivery
        // timeout, so a record resent after a lost acknowledgement is dropped by the broker, not stored twice.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) producer.linger().toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) producer.batchSize().asLongValue());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compression());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) producer.requestTimeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) producer.deliveryTimeout().toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, producer.maxBlock().toMillis());
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, producer.reconnectBackoffMax().toMillis());
        return props;
    }
}
