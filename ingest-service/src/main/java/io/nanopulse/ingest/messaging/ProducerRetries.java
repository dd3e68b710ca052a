package io.nanopulse.ingest.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.Map;

/**
 * The connector's {@code retries} attribute means two things: its own resend loop (which sends a failed
 * record again as a new record, so a write that did land but was not confirmed in time is stored twice)
 * and the Kafka producer's {@code retries}. The channel sets it to 0 to turn the connector loop off; this
 * puts the producer's own retries back, which resend within {@code delivery.timeout.ms} with the
 * idempotent producer's sequence numbers, so the broker drops duplicates.
 */
@ApplicationScoped
public class ProducerRetries implements ClientCustomizer<Map<String, Object>> {

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!KafkaEventPublisher.CHANNEL.equals(channel)) {
            return config;
        }
        config.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
        return config;
    }
}
