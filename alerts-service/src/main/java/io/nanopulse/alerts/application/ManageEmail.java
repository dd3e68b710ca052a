package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.EmailStore;
import io.nanopulse.alerts.application.port.EmailTransport;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.ConfirmationToken;
import io.nanopulse.alerts.domain.EmailChoice;
import io.nanopulse.alerts.domain.PublicLinks;
import io.nanopulse.alerts.domain.SubscriberEmail;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscribers' e-mail addresses: checked and stored with their subscriber, confirmed by the token of the link
 * mailed to them (only its hash is stored; the token is never logged), and the link sent again on request.
 */
@ApplicationScoped
public class ManageEmail {

    @Inject
    EmailStore emails;

    @Inject
    SubscriberStore subscribers;

    @Inject
    EmailTransport transport;

    @Inject
    AlertsConfig config;

    /** The e-mail settings of a request, or 400 naming email / emailDigest. */
    public EmailChoice choice(String email, String emailDigest) {
        return choice(email, emailDigest, List.of());
    }

    /** As {@link #choice(String, String)}, refusing also with {@code otherErrors} (the request's other fields). */
    public EmailChoice choice(String email, String emailDigest, List<FieldError> otherErrors) {
        List<FieldError> errors = new ArrayList<>(otherErrors);
        EmailChoice c = EmailChoice.of(email, emailDigest, config.email().minDigest(), errors);
        if (c.address() != null && !config.email().enabled()) {
            errors.add(new FieldError("email", "e-mail is not configured on this platform"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return c;
    }

    /**
     * Stores {@code c} as the subscriber's e-mail settings, in the caller's transaction. A new or changed address is
     * unconfirmed and gets a new token, returned so that the caller mails it after its commit.
     */
    Optional<String> store(UUID subscriberId, EmailChoice c, Instant now) {
        SubscriberEmail current = emails.lock(subscriberId).orElse(null);
        if (c.address() == null) {
            if (current != null) {
                emails.delete(subscriberId);
            }
            return Optional.empty();
        }
        if (current != null && current.address().equals(c.address())) {
            emails.save(current.withDigest(c.digest()));
            return Optional.empty();
        }
        ConfirmationToken token = ConfirmationToken.create();
        emails.save(SubscriberEmail.requested(subscriberId, c, token, now.plus(config.email().confirmationValidity())));
        return Optional.of(token.token());
    }

    /** Mails the confirmation link of {@code token} to {@code address} (in the background). */
    void mailConfirmation(String address, String token) {
        transport.sendConfirmation(address, new PublicLinks(config.publicBaseUrl()).confirmEmail(token));
    }

    /** Confirms the address awaiting {@code token}; 404 when no address awaits it (unknown, used or expired). */
    public SubscriberEmail confirm(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            String hash = ConfirmationToken.hash(token.strip());
            SubscriberEmail pending = emails.lockByTokenHash(hash).filter(e -> e.awaits(hash, now))
                    .orElseThrow(() -> ProblemException.notFound(
                            "no address awaits this confirmation token (unknown, already used or expired)"));
            SubscriberEmail confirmed = pending.confirm(now);
            emails.save(confirmed);
            return confirmed;
        });
    }

    /**
     * Mails a new confirmation link to the owner's subscriber's unconfirmed address (the previous link stops working).
     * 404 for another owner's subscriber; 409 without an address or when it is confirmed already; {@link TooSoon}
     * when it was sent again less than nanopulse.alerts.email.resend-interval ago.
     */
    public SubscriberEmail resendConfirmation(String owner, UUID subscriberId) {
        ConfirmationToken token = ConfirmationToken.create();
        SubscriberEmail reissued = QuarkusTransaction.requiringNew().call(() -> {
            subscribers.findOwned(subscriberId, owner)
                    .orElseThrow(() -> ProblemException.notFound("subscriber " + subscriberId + " not found"));
            SubscriberEmail e = emails.lock(subscriberId)
                    .orElseThrow(() -> ProblemException.conflict("the subscriber has no e-mail address"));
            if (e.confirmed()) {
                throw ProblemException.conflict("the subscriber's e-mail address is confirmed already");
            }
            if (!config.email().enabled()) {
                throw ProblemException.conflict("e-mail is not configured on this platform");
            }
            Instant now = Instant.now();
            Duration wait = e.resendWait(now, config.email().resendInterval());
            if (!wait.isZero()) {
                throw new TooSoon(wait);
            }
            SubscriberEmail next = e.reissued(token, now.plus(config.email().confirmationValidity()), now);
            emails.save(next);
            return next;
        });
        mailConfirmation(reissued.address(), token.token());
        return reissued;
    }

    public Optional<SubscriberEmail> of(UUID subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> emails.find(subscriberId));
    }

    public Map<UUID, SubscriberEmail> of(Collection<UUID> subscriberIds) {
        return subscriberIds.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> emails.find(subscriberIds));
    }

    /** The confirmation link was sent again too recently; it may be sent again after {@link #retryAfter()}. */
    public static class TooSoon extends RuntimeException {
        private final Duration retryAfter;

        TooSoon(Duration retryAfter) {
            super("the confirmation link was sent again recently (nanopulse.alerts.email.resend-interval); retry after "
                    + seconds(retryAfter) + " s", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds, rounded up, at least 1. */
        public static long seconds(Duration d) {
            return Math.max(1, d.plusNanos(999_999_999).getSeconds());
        }
    }
}
