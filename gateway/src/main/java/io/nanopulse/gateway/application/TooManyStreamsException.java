package io.nanopulse.gateway.application;

/** A live stream refused because a limit on open streams is reached (answered 429 with Retry-After). */
public class TooManyStreamsException extends RuntimeException {
    public static final int RETRY_AFTER_SECONDS = 10;

    public TooManyStreamsException(String message) {
        super(message, null, false, false);
    }
}
