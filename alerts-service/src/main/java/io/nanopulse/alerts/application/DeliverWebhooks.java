package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryBacklog;
import io.nanopulse.alerts.domain.DeliveryOutcome;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.RecordedAttempt;
import io.nanopulse.alerts.domain.RetrySchedule;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.WebhookDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox side of delivery, one short transaction per step. A claim takes due rows without waiting on
 * rows other instances hold, and pushes their due time forward by a lease instead of holding a lock
 * across the HTTP call: if the sender dies, the row is simply due again later (a duplicate at worst,
 * under the same webhook-id). Recording an attempt logs it and decides what follows, in one transaction.
 */
@ApplicationScoped
public class DeliverWebhooks {

    @Inject
    OutboxStore outbox;

    @Inject
    SubscriberStore subscribers;

    @Inject
    AlertsConfig config;

    private RetrySchedule schedule;

    @PostConstruct
    void init() {
        schedule = config.retrySchedule();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(Instant now, int limit) {
        outbox.failDueOfDisabledEndpoints(now);
        return outbox.claimDue(now, limit, now.plus(config.delivery().lease()));
    }

    /** Logs the attempt and decides what comes next, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome record(Claim claim, AttemptResult result) {
        WebhookDelivery d = outbox.lock(claim.deliveryId()).orElse(null);
        if (d == null || d.status() != DeliveryStatus.PENDING) {
            return DeliveryOutcome.IGNORED;
        }
        Instant now = Instant.now();
        Subscriber s = subscribers.lock(d.subscriberId())
                .orElseThrow(() -> new IllegalStateException("subscriber of delivery " + d.id() + " is gone"));
        RecordedAttempt recorded = RecordedAttempt.of(d, s, result, now, schedule, config.webhook().disableAfter(),
                config.webhook().maxRetryAfter(), () -> ThreadLocalRandom.current().nextDouble());
        outbox.update(recorded.delivery());
        subscribers.update(recorded.subscriber());
        outbox.logAttempt(recorded.attempt());
        return recorded.outcome();
    }

    /** Deliveries due now and the age of the oldest, read in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryBacklog backlog() {
        return outbox.backlog();
    }
}
