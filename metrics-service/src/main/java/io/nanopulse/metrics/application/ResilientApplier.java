package io.nanopulse.metrics.application;

import io.nanopulse.contracts.PatentEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Retries a batch while the database is away (each try is a fresh transaction). The consumer waits
 * meanwhile, and SmallRye pauses the partitions, so nothing is skipped.
 */
@ApplicationScoped
public class ResilientApplier {
    @Inject
    BatchApplier applier;

    @Retry(maxRetries = -1, delay = 200, maxDuration = 7, durationUnit = ChronoUnit.DAYS, jitter = 100)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public BatchApplier.Applied apply(List<PatentEvent> events, int deadLettered) throws Exception {
        return applier.apply(events, deadLettered);
    }
}
