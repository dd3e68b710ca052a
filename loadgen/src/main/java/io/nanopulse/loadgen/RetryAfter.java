package io.nanopulse.loadgen;

import java.net.http.HttpResponse;

/** How long a 429/502/503 answer asks a client to wait before sending again. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The Retry-After seconds; 2 when the answer does not say, or not in seconds. */
    public static long seconds(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(h -> Long.parseLong(h.strip())).orElse(2L);
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
