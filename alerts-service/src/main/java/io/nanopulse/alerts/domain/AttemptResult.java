package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What one HTTP attempt gave.
 *
 * @param statusCode null when no response arrived (refused URL, connect failure, timeout)
 * @param retryAfter the receiver's Retry-After, null when absent
 */
public record AttemptResult(Instant at, Integer statusCode, long latencyMs, String error, Duration retryAfter) {

    public boolean success() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /** Retry-After only counts on 429 and 503, as HTTP defines it for those. */
    public boolean retryAfterApplies() {
        return retryAfter != null && statusCode != null && (statusCode == 429 || statusCode == 503);
    }
}
