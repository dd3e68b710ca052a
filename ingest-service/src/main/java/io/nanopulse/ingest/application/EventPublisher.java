package io.nanopulse.ingest.application;

import io.nanopulse.contracts.PatentEvent;

import java.util.List;

/** The port that makes validated events durable; the messaging adapter implements it over Kafka. */
public interface EventPublisher {

    /**
     * Hands the events to the broker and returns at once; {@link PublishedChunk#await()} waits for the
     * acknowledgements.
     *
     * @throws PublishFailedException when there is no room in flight within the publish timeout
     */
    PublishedChunk publish(List<PatentEvent> events);

    /** Events handed over together. */
    interface PublishedChunk {
        /**
         * @return the number of events, all acknowledged by the broker
         * @throws PublishFailedException when any was refused or not confirmed within the publish timeout;
         *                                its {@code acknowledged()} counts those of this chunk that were
         */
        int await();
    }
}
