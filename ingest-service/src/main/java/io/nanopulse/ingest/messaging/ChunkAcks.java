package io.nanopulse.ingest.messaging;

import io.nanopulse.ingest.service.EventPublisher;
import io.nanopulse.ingest.service.PublishFailedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the broker's acknowledgements of one chunk: each message's ack/nack lands here (one shared
 * object per chunk rather than a future per event), and the chunk completes when every message is
 * resolved either way. The deadline runs from the moment the chunk was handed over.
 */
final class ChunkAcks implements EventPublisher.PublishedChunk {
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

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

    CompletionStage<Void> ack() {
        acknowledged.incrementAndGet();
        resolve(1);
        return DONE;
    }

    CompletionStage<Void> nack(Throwable reason) {
        failure.compareAndSet(null, reason);
        resolve(1);
        return DONE;
    }

    /** Messages that never reached the producer (serialisation or emitter failure). */
    void notSent(int count, Throwable reason) {
        failure.compareAndSet(null, reason);
        resolve(count);
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
