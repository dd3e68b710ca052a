package io.nanopulse.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.nanopulse.contracts.Topics;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads patent-events back with a plain KafkaConsumer and the CloudEvents SDK's deserializer, an
 * independent parser of what the service wrote: no consumer group, every partition from the start.
 */
public final class PatentEventsTopic {
    private PatentEventsTopic() {
    }

    public static KafkaConsumer<String, CloudEvent> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new CloudEventDeserializer());
    }

    /** Every record now on the topic whose CloudEvent id passes the filter. */
    public static List<ConsumerRecord<String, CloudEvent>> read(Predicate<String> eventIdFilter) {
        var out = new ArrayList<ConsumerRecord<String, CloudEvent>>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PATENT_EVENTS, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read patent-events to its end within 60 s");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (eventIdFilter.test(record.value().getId())) {
                        out.add(record);
                    }
                }
            }
        }
        return out;
    }

    /** Sum of the partitions' end offsets: how many records the topic holds (nothing is deleted here). */
    public static long endOffsetSum() {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PATENT_EVENTS, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
