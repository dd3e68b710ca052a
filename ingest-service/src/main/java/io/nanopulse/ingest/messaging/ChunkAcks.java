package io.nanopulse.ingest.messaging;

import io.nanopulse.ingest.application.EventPublisher;
import io.nanopulse.ingest.application.PublishFailedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the broker's acknowledgements of one chunk: each record's send callback lands here (one shared
 * object per chunk rather than a future per event), and the chunk completes when every message is
 * resolved either way. The deadline runs from the moment the chunk was handed over.
 */
final class ChunkAcks implements EventPublisher.PublishedChunk, Callback {
    private final int size;
    private final long deadlineNanos;
    private final String timeoutText;
    private final Completion completion;
    private final AtomicInteger unresolved;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch resolved = new CountDownLatch(1);

    /** Called once, on the thread that resolves the last message. */
    interface Completion {
        void completed(int acknowledged, boolean failed);
    }

    ChunkAcks(int size, long deadlineNanos, String timeoutText, Completion completion) {
        this.size = size;
        this.deadlineNanos = deadlineNanos;
        this.timeoutText = timeoutText;
        this.completion = completion;
        this.unresolved = new AtomicInteger(size);
        if (size == 0) {
            completion.completed(0, false);
            resolved.countDown();
        }
    }

    /** The producer's callback for each record of the chunk. */
    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            failure.compareAndSet(null, error);
        }
        resolve(1);
    }

    /** Events that never reached the producer (serialisation failure, or given up after an earlier failure). */
    void notSent(int count, Throwable reason) {
        failure.compareAndSet(null, reason != null ? reason : new IllegalStateException("not sent"));
        resolve(count);
    }

    /** Whether any event of the chunk has failed so far. */
    boolean failedAlready() {
        return failure.get() != null;
    }

    private void resolve(int count) {
        if (unresolved.addAndGet(-count) == 0) {
            completion.completed(acknowledged.get(), failure.get() != null);
            resolved.countDown();
        }
    }

    @Override
    public int await() {
        try {
            long wait = deadlineNanos - System.nanoTime();
            if (!resolved.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                throw new PublishFailedException("Kafka did not confirm the events within " + timeoutText,
                        acknowledged.get(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", acknowledged.get(), e);
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new PublishFailedException("Kafka did not store every event: " + cause.getClass().getSimpleName(),
                    acknowledged.get(), cause);
        }
        return size;
    }
}
