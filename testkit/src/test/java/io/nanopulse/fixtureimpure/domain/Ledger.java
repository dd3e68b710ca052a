package io.nanopulse.fixtureimpure.domain;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Violation: a domain type that knows Kafka. */
public class Ledger {
    public ProducerRecord<String, String> toRecord(String patentId) {
        return new ProducerRecord<>("patent-events", patentId, patentId);
    }
}
