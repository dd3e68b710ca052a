package io.nanopulse.gateway.api;

import jakarta.ws.rs.core.Response;

/** Ends a request with a service's own (error) answer, already converted to the gateway's form. */
public class PassThroughException extends RuntimeException {
    private final transient Response response;

    public PassThroughException(Response response) {
        super("service answered " + response.getStatus(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
