package io.nanopulse.alerts.health;

import io.nanopulse.alerts.application.NotificationHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while this instance's stream listener is not listening on PostgreSQL: its SSE streams would miss
 * other instances' transitions, so new streams should go to another instance.
 */
@Readiness
@ApplicationScoped
public class StreamListenerCheck implements HealthCheck {

    @Inject
    NotificationHub hub;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("stream-listener").status(hub.listening()).build();
    }
}
