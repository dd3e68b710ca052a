package io.nanopulse.metrics.application;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.metrics.config.MetricsConfig;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a consumed batch as several parts at once, each in its own transaction: one thread waiting on
 * PostgreSQL leaves the machine's other core idle. Events are split by patent, so each part keeps one
 * patent's events in order and no two parts lock the same patent row. A part that committed before another
 * failed is harmless: the batch is redelivered, and its events change nothing the second time.
 */
@ApplicationScoped
public class BatchParts {
    @Inject
    ResilientApplier applier;
    @Inject
    MetricsConfig config;
    @Inject
    MeterRegistry registry;

    private ExecutorService helpers;
    private DistributionSummary parts;

    @PostConstruct
    void start() {
        parts = DistributionSummary.builder("nanopulse.metrics.batch.parts")
                .description("Transactions each consumed batch was applied in").register(registry);
        int extra = Math.max(0, config.applyParallelism() - 1);
        if (extra > 0) {
            var n = new AtomicInteger();
            helpers = Executors.newFixedThreadPool(extra, r -> {
                Thread t = new Thread(r, "batch-part-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    @PreDestroy
    void stop() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** Applies the events (dead letters counted once, by the first part); returns what all parts did. */
    public BatchApplier.Applied apply(List<PatentEvent> events, int deadLettered) throws Exception {
        int n = helpers == null ? 1
                : Math.min(config.applyParallelism(), Math.max(1, events.size() / Math.max(1, config.applyMinPartEvents())));
        parts.record(n);
        if (n == 1) {
            return applier.apply(events, deadLettered);
        }
        List<List<PatentEvent>> split = split(events, n);
        var others = new ArrayList<Future<BatchApplier.Applied>>(n - 1);
        for (int i = 1; i < n; i++) {
            List<PatentEvent> part = split.get(i);
            // The trace context goes along: each part's metric-changes row carries the batch's traceparent.
            others.add(helpers.submit(Context.current().wrap(() -> applier.apply(part, 0))));
        }
        Exception failure = null;
        BatchApplier.Applied total = null;
        try {
            total = applier.apply(split.get(0), deadLettered);
        } catch (Exception e) {
            failure = e;
        }
        for (Future<BatchApplier.Applied> f : others) {
            try {
                BatchApplier.Applied a = f.get();
                total = total == null ? a : total.plus(a);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e; // the first failure is thrown
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    /** Splits events into n parts by patent id, each in the batch's order. */
    static List<List<PatentEvent>> split(List<PatentEvent> events, int n) {
        var parts = new ArrayList<List<PatentEvent>>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>(events.size() / n + 16));
        }
        for (PatentEvent e : events) {
            parts.get(Math.floorMod(e.patentId().hashCode(), n)).add(e);
        }
        return parts;
    }
}
