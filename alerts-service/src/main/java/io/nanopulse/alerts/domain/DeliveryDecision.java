package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What follows an attempt, decided without I/O: delivered; endpoint gone (410) or failing for too long
 * (disable it); retries exhausted; or retry at a time from the backoff schedule, pushed later when a
 * 429/503 asked for it with Retry-After (capped, so a receiver cannot park a delivery forever).
 *
 * @param nextAttemptAt set only for {@link DeliveryOutcome#RETRY}
 */
public record DeliveryDecision(DeliveryOutcome outcome, Instant nextAttemptAt) {

    /**
     * @param attemptsInRound attempts made in the current round, this one included
     * @param failingSince    first failure of the endpoint's current failing streak, this one included
     */
    public static DeliveryDecision decide(AttemptResult r, int attemptsInRound, Instant failingSince, Instant now,
                                          RetrySchedule schedule, Duration disableAfter, Duration maxRetryAfter,
                                          DoubleSupplier random) {
        if (r.success()) {
            return new DeliveryDecision(DeliveryOutcome.DELIVERED, null);
        }
        if (r.gone()) {
            return new DeliveryDecision(DeliveryOutcome.GONE, null);
        }
        if (failingSince != null && Duration.between(failingSince, now).compareTo(disableAfter) >= 0) {
            return new DeliveryDecision(DeliveryOutcome.ENDPOINT_DISABLED, null);
        }
        var delay = schedule.delayAfter(attemptsInRound, random);
        if (delay.isEmpty()) {
            return new DeliveryDecision(DeliveryOutcome.EXHAUSTED, null);
        }
        Duration wait = delay.get();
        if (r.retryAfterApplies()) {
            Duration asked = r.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : r.retryAfter();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return new DeliveryDecision(DeliveryOutcome.RETRY, now.plus(wait));
    }
}
