package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.EmailChoice;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.WebhookSigner;
import io.nanopulse.alerts.domain.WebhookUrlPolicy;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscribers of an owner: create, read, replace, delete, rotate the signing secret, and follow the live
 * stream. Another owner's subscriber does not exist (404). Webhook URLs pass the SSRF policy before they
 * are saved (and again before every send).
 */
@ApplicationScoped
public class ManageSubscribers {

    @Inject
    SubscriberStore subscribers;

    @Inject
    NotificationHub hub;

    @Inject
    AlertsConfig config;

    @Inject
    ManageEmail email;

    private WebhookUrlPolicy policy;

    @PostConstruct
    void init() {
        policy = config.webhookUrlPolicy();
    }

    /**
     * A new subscriber with a new secret (the answer shows it, once). An e-mail address is mailed its confirmation
     * link once the subscriber is stored.
     */
    public Subscriber create(String owner, String name, String webhookUrl, String emailAddress, String emailDigest) {
        List<FieldError> errors = new ArrayList<>();
        String url = checkedUrl(webhookUrl, errors);
        EmailChoice mail = email.choice(emailAddress, emailDigest, errors); // one 400 names every bad field
        Instant now = Instant.now();
        Subscriber s = Subscriber.create(owner, name.trim(), url, WebhookSigner.newSecret(), now);
        Optional<String> token = QuarkusTransaction.requiringNew().call(() -> {
            subscribers.insert(s);
            return email.store(s.id(), mail, now);
        });
        token.ifPresent(t -> email.mailConfirmation(mail.address(), t));
        return s;
    }

    @Transactional
    public Page<Subscriber> list(String owner, int page, int size) {
        return subscribers.page(owner, page, size);
    }

    @Transactional
    public Subscriber get(String owner, UUID id) {
        return owned(owner, id);
    }

    /**
     * Replaces name, webhook URL and e-mail settings (a changed address is unconfirmed and mailed a new link). Saving a webhook URL (even the same one) re-enables a disabled
     * endpoint and clears its failure streak: this is the way back after a 410 or an auto-disable.
     */
    public Subscriber update(String owner, UUID id, String name, String webhookUrl, String emailAddress,
                             String emailDigest) {
        List<FieldError> errors = new ArrayList<>();
        String url = checkedUrl(webhookUrl, errors);
        EmailChoice mail = email.choice(emailAddress, emailDigest, errors); // one 400 names every bad field
        Instant now = Instant.now();
        Subscriber[] saved = new Subscriber[1];
        Optional<String> token = QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = locked(owner, id).withEndpoint(name.trim(), url, now);
            subscribers.update(s);
            saved[0] = s;
            return email.store(id, mail, now);
        });
        token.ifPresent(t -> email.mailConfirmation(mail.address(), t));
        return saved[0];
    }

    @Transactional
    public void delete(String owner, UUID id) {
        owned(owner, id);
        subscribers.delete(id);
    }

    /**
     * New signing secret, shown once. The previous one keeps signing (both signatures are sent) for
     * nanopulse.alerts.webhook.secret-rotation-overlap, so receivers can switch without losing events.
     */
    @Transactional
    public Subscriber rotateSecret(String owner, UUID id) {
        Subscriber s = locked(owner, id).rotated(WebhookSigner.newSecret(),
                config.webhook().secretRotationOverlap(), Instant.now());
        subscribers.update(s);
        return s;
    }

    /** Each notification of this subscriber committed from now on, by any instance (see {@link NotificationHub}). */
    public Multi<String> stream(String owner, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> owned(owner, id));
        return hub.stream(id);
    }

    private Subscriber owned(String owner, UUID id) {
        return subscribers.findOwned(id, owner).orElseThrow(() -> ProblemException.notFound("subscriber " + id + " not found"));
    }

    private Subscriber locked(String owner, UUID id) {
        return subscribers.lock(id).filter(s -> s.owner().equals(owner))
                .orElseThrow(() -> ProblemException.notFound("subscriber " + id + " not found"));
    }

    private String checkedUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        policy.refusal(u).ifPresent(reason -> errors.add(new FieldError("webhookUrl", reason)));
        return u;
    }
}
