package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryOutcome;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.RecordedEmailAttempt;
import io.nanopulse.alerts.domain.RetrySchedule;
import io.nanopulse.alerts.domain.WebhookDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records an SMTP attempt of a claimed e-mail delivery (claims are shared with webhooks, see {@link DeliverWebhooks}):
 * the delivery and every delivery its digest lists are completed together, in one transaction, or it is due again
 * on the retry schedule.
 */
@ApplicationScoped
public class DeliverEmails {

    @Inject
    OutboxStore outbox;

    @Inject
    AlertsConfig config;

    private RetrySchedule schedule;

    @PostConstruct
    void init() {
        schedule = config.retrySchedule();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome record(Claim claim, AttemptResult result) {
        WebhookDelivery d = outbox.lock(claim.deliveryId()).orElse(null);
        if (d == null || d.status() != DeliveryStatus.PENDING) {
            return DeliveryOutcome.IGNORED;
        }
        Instant now = Instant.now();
        List<WebhookDelivery> members = d.digestId() == null ? List.of() : outbox.digest(d.id());
        RecordedEmailAttempt recorded = RecordedEmailAttempt.of(d, members, result, now, schedule,
                () -> ThreadLocalRandom.current().nextDouble());
        recorded.deliveries().forEach(outbox::update);
        outbox.logAttempt(recorded.attempt());
        return recorded.outcome();
    }
}
