package io.nanopulse.alerts.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Timestamp;
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
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT count(*), min(next_attempt_at) FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()")
                    .getSingleResult());
            long due = ((Number) row[0]).longValue();
            Instant oldest = row[1] == null ? null : row[1] instanceof Timestamp t ? t.toInstant() : (Instant) row[1];
            return HealthCheckResponse.named("webhook-outbox").up()
                    .withData("dueDeliveries", due)
                    .withData("oldestDueSeconds", oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("webhook-outbox").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
