package io.nanopulse.metrics.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** The per-step timer of batch application (nanopulse_metrics_batch_step_seconds{step}). */
public final class BatchSteps {
    private BatchSteps() {
    }

    public static void record(MeterRegistry registry, String step, long startNanos) {
        Timer.builder("nanopulse.metrics.batch.step").description("Time spent in one step of applying a batch of patent events")
                .tag("step", step).register(registry).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
