package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.EmailStore;
import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.domain.DeliveryChannel;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.DeliveryWithAttempts;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.SubscriberEmail;
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

    @Inject
    EmailStore emails;

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
     * Sends a delivery again, now, under the same webhook-id or Message-ID (a new retry round). Refused (409) while
     * the subscriber's endpoint is disabled (saving its URL again re-enables it), or for an e-mail while the address
     * is not confirmed. An e-mail listed in a digest sends the whole digest again (the answer shows its lead).
     */
    public DeliveryWithAttempts redeliver(String owner, UUID id) {
        DeliveryWithAttempts redelivered = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = outbox.lock(id).orElse(null);
            Subscriber s = d == null ? null : subscribers.findOwned(d.subscriberId(), owner).orElse(null);
            if (s == null) {
                throw ProblemException.notFound("delivery " + id + " not found");
            }
            if (d.channel() == DeliveryChannel.EMAIL) {
                if (d.digestId() != null && !d.digestId().equals(d.id())) {
                    d = outbox.lock(d.digestId()).orElseThrow(); // a digest is sent again as a whole, by its lead
                }
                if (emails.find(s.id()).filter(SubscriberEmail::confirmed).isEmpty()) {
                    throw ProblemException.conflict("the subscriber has no confirmed e-mail address");
                }
            } else if (!s.webhookActive()) {
                throw ProblemException.conflict("the subscriber's webhook endpoint is disabled ("
                        + (s.webhookDisabledReason() == null ? "no URL" : s.webhookDisabledReason())
                        + "); save its webhookUrl again to re-enable it");
            }
            Instant now = Instant.now();
            WebhookDelivery again = d.redelivered(now);
            outbox.update(again);
            if (again.digestId() != null) {
                // The members ride with their lead again: pending, waiting for it (no due time of their own).
                for (WebhookDelivery m : outbox.digest(again.id())) {
                    if (!m.id().equals(again.id())) {
                        outbox.update(m.redelivered(now).dueAt(null));
                    }
                }
            }
            return new DeliveryWithAttempts(again, outbox.attempts(again.id()));
        });
        relay.kick();
        return redelivered;
    }
}
