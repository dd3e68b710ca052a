package io.nanopulse.gateway.application;

/**
 * The key store (the gateway's PostgreSQL database) cannot be reached, so a key not in the cache cannot be
 * checked. Authentication fails closed, but as a temporary condition (503 with Retry-After), not as a
 * server error: the client's request was fine and will succeed once the database is back.
 */
public class KeyStoreUnavailableException extends RuntimeException {
    /** A database outage of a few seconds to a minute is what clients should expect to wait out. */
    public static final long RETRY_AFTER_SECONDS = 5;

    public KeyStoreUnavailableException(Throwable cause) {
        super("API keys cannot be checked right now (the key store is unreachable)", cause);
    }
}
