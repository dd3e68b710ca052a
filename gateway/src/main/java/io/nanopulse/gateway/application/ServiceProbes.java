package io.nanopulse.gateway.application;

import io.nanopulse.gateway.domain.Service;
import io.smallrye.mutiny.Uni;

/**
 * Port: what the status asks each service directly (implemented by the REST client adapter). Each answer is
 * the HTTP status and, where read, the body; a service that cannot be reached fails the Uni.
 */
public interface ServiceProbes {
    /** The service's readiness: the status of /q/health/ready on its management interface. */
    Uni<Integer> readiness(Service service);

    /** metrics-service's event progress; null when it answers other than 200. */
    Uni<Progress> metricsProgress();

    /** A service's Prometheus text (/q/metrics on its management interface); null when it answers other than 200. */
    Uni<String> prometheus(Service service);

    /** The two figures of metrics-service's progress the status shows (either may be absent). */
    record Progress(Double eventsApplied, String lastAppliedAt) {
    }
}
