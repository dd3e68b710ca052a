package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to retry a webhook delivery: exponential backoff with jitter, capped, for a bounded number of
 * attempts. The production defaults (5 s × 3ⁿ capped at 12 h, 15 attempts) give nominal waits of
 * 5 s, 15 s, 45 s, 2¼ min, 6¾ min, 20¼ min, ~1 h, ~3 h, ~9.1 h, then 12 h five times: the last attempt
 * comes about 3 days (73.7 h) after the first, like the Standard Webhooks reference schedule.
 *
 * @param jitter fraction, e.g. 0.2 spreads each wait uniformly over ±20% so that many deliveries
 *               failing together do not retry in lockstep
 */
public record RetrySchedule(Duration initialInterval, double multiplier, Duration maxInterval,
                            int maxAttempts, double jitter) {

    public RetrySchedule {
        if (initialInterval.isNegative() || initialInterval.isZero() || multiplier < 1 || maxAttempts < 1
                || jitter < 0 || jitter >= 1 || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("invalid retry schedule");
        }
    }

    /** The wait after the {@code attemptsMade}-th failed attempt, without jitter; empty when exhausted. */
    public Optional<Duration> nominalDelayAfter(int attemptsMade) {
        if (attemptsMade < 1 || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initialInterval.toMillis() * Math.pow(multiplier, attemptsMade - 1);
        long capped = (long) Math.min(millis, maxInterval.toMillis());
        return Optional.of(Duration.ofMillis(capped));
    }

    /** The wait with jitter; {@code random} yields values in [0,1). */
    public Optional<Duration> delayAfter(int attemptsMade, DoubleSupplier random) {
        return nominalDelayAfter(attemptsMade).map(d -> {
            double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
            return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * factor)));
        });
    }

    /** Every nominal wait, in order: the documented schedule. */
    public List<Duration> nominalDelays() {
        List<Duration> out = new ArrayList<>();
        for (int i = 1; i < maxAttempts; i++) {
            out.add(nominalDelayAfter(i).orElseThrow());
        }
        return out;
    }

    /** Nominal time from the first attempt to the last one. */
    public Duration nominalSpan() {
        return nominalDelays().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
