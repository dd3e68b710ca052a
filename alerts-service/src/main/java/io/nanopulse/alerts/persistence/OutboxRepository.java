package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryAttempt;
import io.nanopulse.alerts.domain.DeliveryBacklog;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.DeliveryWithAttempts;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outbox in PostgreSQL. Claims take due rows with FOR UPDATE SKIP LOCKED, so several instances share
 * the work without waiting on each other, and lease them by moving next_attempt_at forward.
 */
@ApplicationScoped
public class OutboxRepository implements OutboxStore {

    @Inject
    EntityManager em;

    @Override
    public void enqueue(WebhookDelivery delivery) {
        WebhookDeliveryEntity e = new WebhookDeliveryEntity();
        e.id = delivery.id();
        e.set(delivery);
        e.persist();
    }

    @Override
    public void failDueOfDisabledEndpoints(Instant now) {
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

    @Override
    public List<Claim> claimDue(Instant now, int limit, Instant leaseUntil) {
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
        List<WebhookDeliveryEntity> deliveries = WebhookDeliveryEntity.list("id in ?1", ids);
        Map<UUID, Subscriber> subscribers = SubscriberEntity.<SubscriberEntity>list("id in ?1",
                        deliveries.stream().map(d -> d.subscriberId).distinct().toList())
                .stream().map(SubscriberEntity::toDomain).collect(Collectors.toMap(Subscriber::id, Function.identity()));
        List<Claim> claims = new ArrayList<>(deliveries.size());
        for (WebhookDeliveryEntity d : deliveries) {
            d.nextAttemptAt = leaseUntil;
            Subscriber s = subscribers.get(d.subscriberId);
            claims.add(new Claim(d.id, s.id(), s.webhookUrl(), s.signingSecrets(now), d.payload, d.traceparent));
        }
        return claims;
    }

    @Override
    public Optional<WebhookDelivery> lock(UUID id) {
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(WebhookDeliveryEntity::toDomain);
    }

    @Override
    public void update(WebhookDelivery delivery) {
        WebhookDeliveryEntity e = WebhookDeliveryEntity.findById(delivery.id());
        if (e == null) {
            throw new IllegalStateException("delivery " + delivery.id() + " is gone");
        }
        e.set(delivery);
    }

    @Override
    public void logAttempt(DeliveryAttempt attempt) {
        DeliveryAttemptEntity.of(attempt).persist();
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return DeliveryAttemptEntity.<DeliveryAttemptEntity>list("deliveryId = ?1 order by attemptedAt", deliveryId)
                .stream().map(DeliveryAttemptEntity::toDomain).toList();
    }

    @Override
    public Page<DeliveryWithAttempts> page(UUID subscriberId, DeliveryStatus status, int page, int size) {
        var q = status == null
                ? WebhookDeliveryEntity.<WebhookDeliveryEntity>find("subscriberId = ?1 order by createdAt desc, id",
                subscriberId)
                : WebhookDeliveryEntity.<WebhookDeliveryEntity>find(
                "subscriberId = ?1 and status = ?2 order by createdAt desc, id", subscriberId, status);
        q.page(page, size);
        List<WebhookDeliveryEntity> deliveries = q.list();
        Map<UUID, List<DeliveryAttempt>> attempts = DeliveryAttemptEntity.<DeliveryAttemptEntity>list(
                        "deliveryId in ?1 order by attemptedAt", deliveries.stream().map(d -> d.id).toList())
                .stream().map(DeliveryAttemptEntity::toDomain)
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
        return new Page<>(deliveries.stream().map(d -> new DeliveryWithAttempts(d.toDomain(),
                attempts.getOrDefault(d.id, List.of()))).toList(), page, size, q.count());
    }

    @Override
    public DeliveryBacklog backlog() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), min(next_attempt_at) FROM webhook_delivery"
                + " WHERE status = 'PENDING' AND next_attempt_at <= now()").getSingleResult();
        long due = ((Number) row[0]).longValue();
        Instant oldest = row[1] == null ? null : row[1] instanceof Timestamp t ? t.toInstant() : (Instant) row[1];
        return new DeliveryBacklog(due, oldest);
    }
}
