package io.nanopulse.metrics.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.metrics.config.MetricsConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when deltas are folded: every second (also folding deltas of other instances or from before a
 * restart), and sooner once this instance has appended many rows, so readers never scan a large delta table.
 * A fold runs on its own thread, beside the next batches. Folding seldom is what makes it cheap: a counter
 * touched by many batches (a country's month, a big holder's year) is upserted once per fold, not per batch.
 */
@ApplicationScoped
public class CounterFolder {
    private static final Logger LOG = Logger.getLogger(CounterFolder.class);

    private final CoalescingRunner runner = new CoalescingRunner("counter-fold", this::run);
    /** Delta rows appended by this instance and not yet folded (as far as this instance knows). */
    private final AtomicLong appended = new AtomicLong();

    @Inject
    CounterFold fold;
    @Inject
    MeterRegistry registry;
    @Inject
    MetricsConfig config;

    @PostConstruct
    void meters() {
        Gauge.builder("nanopulse.metrics.counters.unfolded", appended, AtomicLong::get)
                .description("Counter delta rows this instance appended that no fold has moved yet").register(registry);
    }

    /** Notes delta rows a batch appended; asks for a fold once enough are waiting. */
    public void appended(long rows) {
        if (appended.addAndGet(rows) >= config.counters().foldRows()) {
            request();
        }
    }

    /** Asks for a fold soon. */
    public void request() {
        runner.request();
    }

    private void run() {
        long pending = appended.get(); // rows appended later may or may not be folded now: counted until the next fold
        Timer.Sample sample = Timer.start(registry);
        try {
            int rows = fold.fold();
            if (rows >= 0) {
                appended.addAndGet(-pending);
            }
            if (rows > 0) {
                sample.stop(Timer.builder("nanopulse.metrics.counters.fold")
                        .description("Time to fold pending counter deltas into the counters").register(registry));
                vacuum();
            }
        } catch (Exception e) {
            // The deltas stay where they are (still counted by every reader); the next request folds them.
            LOG.warnf("counter fold will retry: %s", e.getMessage());
        }
    }

    private void vacuum() {
        try {
            fold.vacuum();
        } catch (Exception e) {
            LOG.warnf("vacuum of counter_delta failed (autovacuum will reclaim the rows): %s", e.getMessage());
        }
    }

    @Scheduled(every = "${nanopulse.metrics.counters.fold-interval:1s}", delayed = "2s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        request();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        runner.close();
    }
}
