package io.nanopulse.metrics.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task on its own thread when asked, never twice at once; requests made while a run is queued
 * coalesce into it, and a request during a run queues one more run (so nothing asked for is missed). The
 * consumer asks after each batch and goes on with the next one while the task runs beside it.
 */
public final class CoalescingRunner implements AutoCloseable {
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Runnable task;

    public CoalescingRunner(String threadName, Runnable task) {
        this.task = task;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run; ignored once closed (the application is stopping; the timer-driven runs catch up after a restart). */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    task.run();
                });
            } catch (RejectedExecutionException closed) {
                queued.set(false);
            }
        }
    }

    /** Lets a queued or running task finish (up to ten seconds) and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
