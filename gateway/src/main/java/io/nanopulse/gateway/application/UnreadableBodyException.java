package io.nanopulse.gateway.application;

/** The client's request body could not be read to its end (client went away): not the service's fault. */
public class UnreadableBodyException extends RuntimeException {
    public UnreadableBodyException(Throwable cause) {
        super("the request body could not be read to its end", cause, false, false);
    }
}
