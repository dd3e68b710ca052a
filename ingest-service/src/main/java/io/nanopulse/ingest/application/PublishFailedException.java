package io.nanopulse.ingest.application;

import io.nanopulse.contracts.api.ingest.IngestResult;

/**
 * Kafka did not confirm events in time (broker down, timeout, no room in flight). {@code acknowledged}
 * counts the events Kafka did confirm before giving up (of a chunk, or of the whole request once the
 * session rethrows it); {@code partial} carries the request's counts once the service knows them.
 */
public class PublishFailedException extends RuntimeException {
    private final long acknowledged;
    private final IngestResult partial;

    public PublishFailedException(String message, long acknowledged, Throwable cause) {
        this(message, acknowledged, cause, null);
    }

    private PublishFailedException(String message, long acknowledged, Throwable cause, IngestResult partial) {
        super(message, cause);
        this.acknowledged = acknowledged;
        this.partial = partial;
    }

    public long acknowledged() {
        return acknowledged;
    }

    public IngestResult partial() {
        return partial;
    }

    public PublishFailedException withAcknowledged(long total) {
        return new PublishFailedException(getMessage(), total, getCause(), partial);
    }

    public PublishFailedException withPartial(IngestResult result) {
        return new PublishFailedException(getMessage(), result.accepted(), getCause(), result);
    }
}
