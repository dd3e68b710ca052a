package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryAttempt;
import io.nanopulse.alerts.domain.DeliveryChannel;
import io.nanopulse.alerts.domain.EmailClaim;
import io.nanopulse.alerts.domain.EmailDigest;
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
                                     WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND d.channel = 'WEBHOOK'
                                       AND NOT (s.webhook_enabled AND s.webhook_url IS NOT NULL)
                                     FOR UPDATE OF d SKIP LOCKED)""")
                .setParameter("now", now)
                .executeUpdate();
        // E-mails (digest members too) whose address was removed or changed and is not confirmed (again); a member
        // whose lead is under lease is left to the lead's record.
        em.createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, completed_at = :now,
                               last_error = 'e-mail address removed or not confirmed'
                        WHERE id IN (SELECT d.id FROM webhook_delivery d
                                     LEFT JOIN subscriber_email e ON e.subscriber_id = d.subscriber_id
                                     WHERE d.status = 'PENDING' AND d.channel = 'EMAIL'
                                       AND (d.next_attempt_at <= :now OR d.next_attempt_at IS NULL)
                                       AND e.confirmed_at IS NULL
                                       AND NOT EXISTS (SELECT 1 FROM webhook_delivery l WHERE l.id = d.digest_id
                                                       AND l.id <> d.id AND l.next_attempt_at > :now)
                                     FOR UPDATE OF d SKIP LOCKED)""")
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public List<Claim> claimDue(Instant now, int limit, Instant leaseUntil) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        SELECT d.id FROM webhook_delivery d JOIN subscriber s ON s.id = d.subscriber_id
                        LEFT JOIN subscriber_email e ON e.subscriber_id = d.subscriber_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                          AND ((d.channel = 'WEBHOOK' AND s.webhook_enabled AND s.webhook_url IS NOT NULL)
                            OR (d.channel = 'EMAIL' AND e.confirmed_at IS NOT NULL))
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
            if (d.channel == DeliveryChannel.EMAIL && d.digestId != null && !d.digestId.equals(d.id)) {
                continue; // listed meanwhile by a digest this claim made: its lead sends it
            }
            if (d.channel == DeliveryChannel.EMAIL) {
                // Locked with the claim; gone or unconfirmed meanwhile: left to failDueOfDisabledEndpoints.
                SubscriberEmailEntity address = SubscriberEmailEntity.findById(d.subscriberId,
                        LockModeType.PESSIMISTIC_WRITE);
                if (address == null || address.confirmedAt == null) {
                    continue;
                }
                d.nextAttemptAt = leaseUntil;
                claims.add(Claim.of(emailClaim(d, address, now)));
                continue;
            }
            d.nextAttemptAt = leaseUntil;
            Subscriber s = subscribers.get(d.subscriberId);
            claims.add(new Claim(d.id, s.id(), s.webhookUrl(), s.signingSecrets(now), d.payload, d.traceparent));
        }
        return claims;
    }

    /**
     * The e-mail of a claimed delivery; {@link EmailDigest} decides what it lists. Candidates another instance holds
     * are skipped; members wait (next_attempt_at NULL) until the lead completes them. Forming a digest starts the
     * subscriber's interval, so an outage still gives one digest per interval.
     */
    private EmailClaim emailClaim(WebhookDeliveryEntity d, SubscriberEmailEntity address, Instant now) {
        List<WebhookDelivery> candidates = List.of();
        if (EmailDigest.mayJoin(d.toDomain())) {
            @SuppressWarnings("unchecked")
            List<UUID> unlisted = em.createNativeQuery("""
                            SELECT id FROM webhook_delivery
                            WHERE subscriber_id = :s AND channel = 'EMAIL' AND status = 'PENDING' AND digest_id IS NULL
                              AND digest AND attempts = 0 AND id <> :id
                            FOR UPDATE SKIP LOCKED""", UUID.class)
                    .setParameter("s", d.subscriberId)
                    .setParameter("id", d.id)
                    .getResultList();
            candidates = unlisted.isEmpty() ? List.of() : WebhookDeliveryEntity.<WebhookDeliveryEntity>list(
                    "id in ?1", unlisted).stream().map(WebhookDeliveryEntity::toDomain).toList();
        }
        EmailDigest plan = EmailDigest.plan(d.toDomain(), candidates);
        d.digestId = plan.digestId();
        if (!plan.memberIds().isEmpty()) {
            for (WebhookDeliveryEntity m : WebhookDeliveryEntity.<WebhookDeliveryEntity>list("id in ?1",
                    plan.memberIds())) {
                m.digestId = d.id;
                m.nextAttemptAt = null;
            }
        }
        if (plan.formed()) {
            address.lastDigestAt = now;
        }
        List<WebhookDeliveryEntity> listed = d.digestId == null ? List.of(d)
                : WebhookDeliveryEntity.list("digestId = ?1 order by createdAt, id", d.digestId);
        return new EmailClaim(d.id, d.subscriberId, address.address, plan.messageIdHeader(),
                listed.stream().map(m -> m.payload).toList(), d.digestId != null);
    }

    @Override
    public List<WebhookDelivery> digest(UUID leadId) {
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>find("digestId = ?1 order by createdAt, id", leadId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream().map(WebhookDeliveryEntity::toDomain).toList();
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
