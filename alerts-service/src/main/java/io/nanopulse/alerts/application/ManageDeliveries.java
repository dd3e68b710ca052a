package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.DeliveryWithAttempts;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.WebhookDelivery;
import io.nanopulse.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** The delivery log of a subscriber's webhook, and manual redelivery of one delivery. */
@ApplicationScoped
public class ManageDeliveries {

    @Inject
    OutboxStore outbox;

    @Inject
    SubscriberStore subscribers;

    @Inject
    DeliveryRelay relay;

    /** Newest first, each with its attempts; only those in {@code status} when it is given. */
    public Page<DeliveryWithAttempts> list(String owner, UUID subscriberId, DeliveryStatus status, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (subscribers.findOwned(subscriberId, owner).isEmpty()) {
                throw ProblemException.notFound("subscriber " + subscriberId + " not found");
            }
            return outbox.page(subscriberId, status, page, size);
        });
    }

    /**
     * Sends a delivery again, now, under the same webhook-id (a new retry round). Refused (409) while the
     * subscriber's endpoint is disabled: saving its URL again re-enables it.
     */
    public DeliveryWithAttempts redeliver(String owner, UUID id) {
        DeliveryWithAttempts redelivered = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = outbox.lock(id).orElse(null);
            Subscriber s = d == null ? null : subscribers.findOwned(d.subscriberId(), owner).orElse(null);
            if (s == null) {
                throw ProblemException.notFound("delivery " + id + " not found");
            }
            if (!s.webhookActive()) {
                throw ProblemException.conflict("the subscriber's webhook endpoint is disabled ("
                        + (s.webhookDisabledReason() == null ? "no URL" : s.webhookDisabledReason())
                        + "); save its webhookUrl again to re-enable it");
            }
            WebhookDelivery again = d.redelivered(Instant.now());
            outbox.update(again);
            return new DeliveryWithAttempts(again, outbox.attempts(id));
        });
        relay.kick();
        return redelivered;
    }
}
