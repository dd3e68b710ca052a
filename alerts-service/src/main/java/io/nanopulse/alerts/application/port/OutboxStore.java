package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryAttempt;
import io.nanopulse.alerts.domain.DeliveryBacklog;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.DeliveryWithAttempts;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.WebhookDelivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook outbox: deliveries written with their transitions, claimed by senders under a lease, and
 * their attempt log. Every method runs in the caller's transaction.
 */
public interface OutboxStore {

    void enqueue(WebhookDelivery delivery);

    /** Due deliveries of disabled endpoints fail at once instead of lingering as PENDING forever. */
    void failDueOfDisabledEndpoints(Instant now);

    /**
     * Takes up to {@code limit} due deliveries of enabled endpoints, skipping rows another instance holds,
     * and makes them due again only at {@code leaseUntil}: a sender that dies mid-send leaves its row to be
     * retried after the lease (under the same webhook-id).
     */
    List<Claim> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Reads and locks a delivery row (SELECT ... FOR UPDATE) until the transaction ends. */
    Optional<WebhookDelivery> lock(UUID id);

    /** Stores the new state of a delivery locked in the same transaction. */
    void update(WebhookDelivery delivery);

    void logAttempt(DeliveryAttempt attempt);

    /** The e-mail deliveries a digest lists (its lead's id is {@code leadId}), locked, oldest first. */
    List<WebhookDelivery> digest(UUID leadId);

    /** A delivery's attempts, oldest first. */
    List<DeliveryAttempt> attempts(UUID deliveryId);

    /** A subscriber's deliveries, newest first, with their attempts; only those in {@code status} when given. */
    Page<DeliveryWithAttempts> page(UUID subscriberId, DeliveryStatus status, int page, int size);

    DeliveryBacklog backlog();
}
