package io.nanopulse.contracts.trust;

/** A request whose forwarded identity is not proven; the message says why and never holds a key or a MAC. */
public final class InvalidProofException extends RuntimeException {
    public InvalidProofException(String reason) {
        super(reason, null, false, false);
    }
}
