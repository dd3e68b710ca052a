package io.nanopulse.metrics.application;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingRunnerTest {
    @Test
    void requestsWhileQueuedCoalesceAndARequestDuringARunIsNotLost() throws Exception {
        var runs = new AtomicInteger();
        var started = new Semaphore(0);
        var release = new CountDownLatch(1);
        try (var runner = new CoalescingRunner("test-runner", () -> {
            started.release();
            if (runs.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            runner.request();
            assertTrue(started.tryAcquire(5, TimeUnit.SECONDS), "first run started");
            for (int i = 0; i < 100; i++) {
                runner.request(); // all while the first run is busy: one more run, not a hundred
            }
            release.countDown();
            assertTrue(started.tryAcquire(5, TimeUnit.SECONDS), "the request made during the run ran afterwards");
            runner.close();
            runner.request(); // after close (the application stopping): ignored, not thrown
            assertEquals(2, runs.get());
        }
    }
}
