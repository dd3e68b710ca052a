package io.nanopulse.alerts.client;

import io.nanopulse.alerts.application.port.EmailTransport;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AlertEmail;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.EmailClaim;
import io.nanopulse.alerts.domain.PublicLinks;
import io.nanopulse.alerts.domain.RecordedEmailAttempt;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Alert e-mails through Quarkus Mailer: a text/plain and a text/html part rendered by Qute (the HTML one escaped),
 * under the Message-ID of the delivery, so a retry or resend is the same message to mail clients.
 */
@ApplicationScoped
public class SmtpMailer implements EmailTransport {
    private static final Logger LOG = Logger.getLogger(SmtpMailer.class);
    private static final int MAX_ERROR = 500;

    @Inject
    ReactiveMailer mailer;

    @Inject
    AlertsConfig config;

    @Location("alert-email.txt")
    Template alertText;

    @Location("alert-email.html")
    Template alertHtml;

    @Location("confirm-email.txt")
    Template confirmText;

    @Location("confirm-email.html")
    Template confirmHtml;

    @Override
    public AttemptResult send(EmailClaim claim) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        if (!config.email().enabled()) {
            return new AttemptResult(at, null, 0, "e-mail is not configured on this platform", null);
        }
        Mail m;
        try {
            m = message(claim);
        } catch (RuntimeException e) {
            // The same payload never renders: failed for good, not retried as a relay problem.
            LOG.warnf("e-mail %s could not be rendered (%s)", claim.deliveryId(), e.getClass().getSimpleName());
            return new AttemptResult(at, null, millisSince(start), RecordedEmailAttempt.UNRENDERABLE, null);
        }
        try {
            mailer.send(m).await().atMost(config.email().sendTimeout());
            return new AttemptResult(at, 250, millisSince(start), null, null);
        } catch (Throwable e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null) {
                return new AttemptResult(at, smtp.getReplyCode(), millisSince(start),
                        bounded("SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage()), null);
            }
            return new AttemptResult(at, null, millisSince(start), describe(e), null);
        }
    }

    private Mail message(EmailClaim claim) {
        AlertEmail mail = AlertEmail.of(claim.payloads(), new PublicLinks(config.publicBaseUrl()));
        return Mail.withText(claim.address(), mail.subject(), alertText.data("mail", mail).render())
                .setHtml(alertHtml.data("mail", mail).render())
                .addHeader("Message-ID", claim.messageId())
                .addHeader("X-Nanopulse-Delivery", claim.deliveryId().toString());
    }

    @Override
    public void sendConfirmation(String address, String link) {
        if (!config.email().enabled()) {
            return;
        }
        Mail m = Mail.withText(address, "[Nanopulse] Confirm your e-mail address",
                        confirmText.data("link", link).render())
                .setHtml(confirmHtml.data("link", link).render());
        // A few attempts with backoff (about a minute); after that, the re-send endpoint sends a new link.
        mailer.send(m).ifNoItem().after(config.email().sendTimeout()).fail()
                .onFailure().retry().withBackOff(Duration.ofSeconds(2), Duration.ofSeconds(30)).atMost(5)
                .subscribe().with(
                ok -> LOG.debug("confirmation mail sent"),
                e -> LOG.warnf("confirmation mail not sent (%s); POST /subscribers/{id}/email-confirmation sends it again",
                        forLog(e)));
    }

    /** For the log: the SMTP reply code, or the kind of failure; never the relay's text (it may name addresses). */
    static String forLog(Throwable e) {
        SMTPException smtp = smtpCause(e);
        if (smtp != null) {
            return "SMTP " + smtp.getReplyCode();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by the SMTP relay";
            }
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return "the SMTP relay did not answer in time";
            }
        }
        return e.getClass().getSimpleName();
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException s) {
                return s;
            }
        }
        return null;
    }

    /** A short reason for the delivery log, without the relay's password or the message. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by the SMTP relay";
            }
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return "the SMTP relay did not answer in time";
            }
        }
        String message = e.getMessage();
        return bounded("SMTP relay unreachable" + (message == null || message.isBlank() ? "" : ": " + message));
    }

    private static String bounded(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= MAX_ERROR ? flat : flat.substring(0, MAX_ERROR);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
