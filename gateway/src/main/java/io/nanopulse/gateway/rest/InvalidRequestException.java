package io.nanopulse.gateway.rest;

/** A request the gateway refuses before forwarding it: names the field and why. */
public class InvalidRequestException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
