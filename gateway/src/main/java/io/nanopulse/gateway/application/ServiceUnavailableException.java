package io.nanopulse.gateway.application;

import io.nanopulse.gateway.domain.Service;

/** A service could not be reached, timed out, or its circuit breaker is open. */
public class ServiceUnavailableException extends RuntimeException {
    private final Service service;
    private final long retryAfterSeconds;

    public ServiceUnavailableException(Service service, String reason, long retryAfterSeconds) {
        super(service.displayName() + " is unavailable (" + reason + ")", null, false, false);
        this.service = service;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Service service() {
        return service;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
