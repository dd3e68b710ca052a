package io.nanopulse.alerts.delivery;

import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.persistence.DeliveryAttempt;
import io.nanopulse.alerts.persistence.DeliveryStatus;
import io.nanopulse.alerts.persistence.Subscriber;
import io.nanopulse.alerts.persistence.WebhookDelivery;
import io.nanopulse.alerts.service.RetrySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outbox side of delivery. Claims take due rows with FOR UPDATE SKIP LOCKED, so several instances
 * share the work without waiting on each other, and push next_attempt_at forward by a lease instead of
 * holding a lock across the HTTP call: if the sender dies, the row is simply due again later (a
 * duplicate at worst, under the same webhook-id).
 */
@ApplicationScoped
public class DeliveryStore {

    @Inject
    EntityManager em;

    @Inject
    AlertsConfig config;

    private RetrySchedule schedule;

    @PostConstruct
    void init() {
        schedule = config.retrySchedule();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(Instant now, int limit) {
        failDeliveriesOfDisabledEndpoints(now);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        SELECT d.id FROM webhook_delivery d JOIN subscriber s ON s.id = d.subscriber_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                          AND s.webhook_enabled AND s.webhook_url IS NOT NULL
                        ORDER BY d.next_attempt_at
                        LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED""", UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> deliveries = WebhookDelivery.list("id in ?1", ids);
        Map<UUID, Subscriber> subscribers = Subscriber.<Subscriber>list("id in ?1",
                        deliveries.stream().map(d -> d.subscriberId).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Instant leaseUntil = now.plus(config.delivery().lease());
        List<Claim> claims = new ArrayList<>(deliveries.size());
        for (WebhookDelivery d : deliveries) {
            d.nextAttemptAt = leaseUntil;
            Subscriber s = subscribers.get(d.subscriberId);
            claims.add(new Claim(d.id, s.id, s.webhookUrl, s.signingSecrets(now), d.payload, d.traceparent));
        }
        return claims;
    }

    /** Due deliveries of a disabled endpoint fail at once instead of lingering as PENDING forever. */
    private void failDeliveriesOfDisabledEndpoints(Instant now) {
        em.createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, completed_at = :now,
                               last_error = 'endpoint disabled'
                        WHERE id IN (SELECT d.id FROM webhook_delivery d JOIN subscriber s ON s.id = d.subscriber_id
                                     WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                                       AND NOT (s.webhook_enabled AND s.webhook_url IS NOT NULL)
                                     FOR UPDATE OF d SKIP LOCKED)""")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Logs the attempt and decides what comes next, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome record(Claim claim, AttemptResult r) {
        WebhookDelivery d = WebhookDelivery.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != DeliveryStatus.PENDING) {
            return DeliveryOutcome.IGNORED;
        }
        Instant now = Instant.now();
        DeliveryAttempt a = new DeliveryAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = d.id;
        a.attemptedAt = r.at();
        a.statusCode = r.statusCode();
        a.latencyMs = r.latencyMs();
        a.error = r.error();

        d.attempts++;
        d.scheduleStep++;
        d.lastStatusCode = r.statusCode();
        d.lastError = r.error();
        Subscriber s = Subscriber.findById(d.subscriberId, LockModeType.PESSIMISTIC_WRITE);
        if (!r.success() && s.webhookFailingSince == null) {
            s.webhookFailingSince = r.at();
        }
        DeliveryDecision decision = DeliveryDecision.decide(r, d.scheduleStep, s.webhookFailingSince, now, schedule,
                config.webhook().disableAfter(), config.webhook().maxRetryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
        DeliveryOutcome outcome = decision.outcome();
        switch (outcome) {
            case DELIVERED -> {
                complete(d, DeliveryStatus.DELIVERED, now);
                s.webhookFailingSince = null;
            }
            case GONE -> {
                complete(d, DeliveryStatus.FAILED, now);
                s.disableWebhook("endpoint answered 410 Gone", now);
            }
            case ENDPOINT_DISABLED -> {
                complete(d, DeliveryStatus.FAILED, now);
                s.disableWebhook("no successful delivery since " + s.webhookFailingSince, now);
            }
            case EXHAUSTED -> complete(d, DeliveryStatus.FAILED, now);
            default -> d.nextAttemptAt = decision.nextAttemptAt();
        }
        a.outcome = outcome.tag();
        a.persist();
        return outcome;
    }

    private static void complete(WebhookDelivery d, DeliveryStatus status, Instant now) {
        d.status = status;
        d.completedAt = now;
        d.nextAttemptAt = null;
    }

    /**
     * Makes a delivery due now, as a new retry round under the same webhook-id (receivers deduplicate
     * on it). The caller checks that the endpoint is enabled.
     */
    @Transactional
    public WebhookDelivery redeliver(WebhookDelivery d, Subscriber s) {
        d.status = DeliveryStatus.PENDING;
        d.scheduleStep = 0;
        d.completedAt = null;
        d.nextAttemptAt = Instant.now();
        return d;
    }
}
