package io.nanopulse.gateway.application;

import io.nanopulse.gateway.domain.GroupLag;

import java.util.List;

/** Port: what the brokers say about consumer lag, the DLQ and the events topic (Kafka Admin API). Blocking. */
public interface KafkaProbe {

    record Snapshot(List<GroupLag> consumerGroups, long dlqSize, long eventsTopicEndOffset) {
    }

    Snapshot snapshot() throws Exception;
}
