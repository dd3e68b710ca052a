package io.nanopulse.alerts.health;

import io.nanopulse.alerts.application.DeliverWebhooks;
import io.nanopulse.alerts.domain.DeliveryBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Reports the webhook outbox backlog (due deliveries and the age of the oldest). A backlog is not a
 * reason to take the instance out of service, so it stays UP; DOWN only when the outbox cannot be read.
 */
@Readiness
@ApplicationScoped
public class DeliveryBacklogCheck implements HealthCheck {

    @Inject
    DeliverWebhooks deliveries;

    @Override
    public HealthCheckResponse call() {
        try {
            DeliveryBacklog backlog = deliveries.backlog();
            return HealthCheckResponse.named("webhook-outbox").up()
                    .withData("dueDeliveries", backlog.due())
                    .withData("oldestDueSeconds", backlog.oldestDue() == null ? 0
                            : Duration.between(backlog.oldestDue(), Instant.now()).toSeconds())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("webhook-outbox").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
