package io.nanopulse.gateway.api.auth;

/** A client address past its budget for requests without a valid key (429 with Retry-After). */
public class ClientAddressLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public ClientAddressLimitedException(long retryAfterSeconds, long limit) {
        super("this address may make " + limit + " requests per second without a valid API key; retry after "
                + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
