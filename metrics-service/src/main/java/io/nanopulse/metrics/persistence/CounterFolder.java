package io.nanopulse.metrics.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides when deltas are folded: right after each batch this instance applies (on its own thread, so the
 * fold's upserts run beside the next batch), and on a timer for deltas left by other instances or before a
 * crash. Requests made while a fold is queued coalesce: a slower fold simply folds more batches at once.
 */
@ApplicationScoped
public class CounterFolder {
    private static final Logger LOG = Logger.getLogger(CounterFolder.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "counter-fold");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    @Inject
    CounterFold fold;
    @Inject
    MeterRegistry registry;

    /** Asks for a fold soon. */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::run);
        }
    }

    private void run() {
        queued.set(false);
        Timer.Sample sample = Timer.start(registry);
        try {
            int rows = fold.fold();
            if (rows >= 0) {
                fold.vacuum();
                sample.stop(Timer.builder("nanopulse.metrics.counters.fold")
                        .description("Time to fold pending counter deltas into the counters").register(registry));
            }
        } catch (Exception e) {
            // The deltas stay where they are (still counted by every reader); the next request folds them.
            LOG.warnf("counter fold will retry: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${nanopulse.metrics.counters.fold-interval:1s}", delayed = "2s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        request();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
