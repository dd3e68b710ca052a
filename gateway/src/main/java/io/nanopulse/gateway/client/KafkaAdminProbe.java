package io.nanopulse.gateway.client;

import io.nanopulse.gateway.application.KafkaProbe;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.GroupLag;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Asks the brokers (Kafka Admin API) for consumer lag, DLQ size and the end offsets of the events topic. Blocking. */
@ApplicationScoped
public class KafkaAdminProbe implements KafkaProbe {
    private final GatewayConfig.Kafka config;
    private final String bootstrap;
    private Admin admin;

    public KafkaAdminProbe(GatewayConfig config,
                           @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrap) {
        this.config = config.kafka();
        this.bootstrap = bootstrap;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "nanopulse-gateway-status");
            int ms = (int) config.timeout().toMillis();
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
            admin = Admin.create(p);
        }
        return admin;
    }

    @Override
    public Snapshot snapshot() throws Exception {
        Admin a = admin();
        long timeout = config.timeout().toMillis();
        List<GroupLag> groups = new ArrayList<>();
        for (String group : config.consumerGroups()) {
            Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = endOffsets(a, committed.keySet(), OffsetSpec.latest());
            List<GroupLag.Position> positions = new ArrayList<>();
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    positions.add(new GroupLag.Position(e.getKey().topic(), e.getValue().offset(),
                            ends.getOrDefault(e.getKey(), 0L)));
                }
            }
            groups.add(GroupLag.of(group, positions));
        }
        List<TopicPartition> dlq = partitions(a, config.dlqTopic());
        Map<TopicPartition, Long> dlqEnd = endOffsets(a, dlq, OffsetSpec.latest());
        Map<TopicPartition, Long> dlqStart = endOffsets(a, dlq, OffsetSpec.earliest());
        long dlqSize = dlq.stream().mapToLong(tp -> dlqEnd.getOrDefault(tp, 0L) - dlqStart.getOrDefault(tp, 0L)).sum();
        long eventsEnd = endOffsets(a, partitions(a, config.eventsTopic()), OffsetSpec.latest()).values().stream()
                .mapToLong(Long::longValue).sum();
        return new Snapshot(groups, dlqSize, eventsEnd);
    }

    private List<TopicPartition> partitions(Admin a, String topic) throws Exception {
        Map<String, TopicDescription> d = a.describeTopics(List.of(topic)).allTopicNames()
                .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return d.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Map<TopicPartition, Long> endOffsets(Admin a, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        partitions.forEach(tp -> ask.put(tp, spec));
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        a.listOffsets(ask).all().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
