package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * What recording one SMTP attempt of an e-mail delivery changes: the delivery (with the members of its digest,
 * which share its fate), the attempt's log line and the outcome. A 2xx reply delivers; a 5xx reply is a permanent
 * refusal (failed with the reason), and so is a message that cannot be rendered; anything else (no connection, 4xx,
 * timeout) is retried on the schedule. The
 * subscriber is never disabled for it: a relay being down is not the recipient's fault.
 *
 * @param deliveries the lead delivery first, then the digest members it completed
 */
public record RecordedEmailAttempt(List<WebhookDelivery> deliveries, DeliveryAttempt attempt, DeliveryOutcome outcome) {
    /** The error of an attempt whose message could not be rendered: it never will, so it fails at once. */
    public static final String UNRENDERABLE = "message could not be rendered";

    public static RecordedEmailAttempt of(WebhookDelivery pending, List<WebhookDelivery> members, AttemptResult r,
                                          Instant now, RetrySchedule schedule, DoubleSupplier random) {
        WebhookDelivery d = pending.attempted(r);
        DeliveryOutcome outcome;
        if (r.success()) {
            outcome = DeliveryOutcome.DELIVERED;
            d = d.completed(DeliveryStatus.DELIVERED, now);
        } else if (r.statusCode() != null && refusedForGood(r.statusCode())
                || r.statusCode() == null && UNRENDERABLE.equals(r.error())) {
            outcome = DeliveryOutcome.REJECTED;
            d = d.completed(DeliveryStatus.FAILED, now);
        } else {
            var delay = schedule.delayAfter(d.scheduleStep(), random);
            outcome = delay.isPresent() ? DeliveryOutcome.RETRY : DeliveryOutcome.EXHAUSTED;
            d = delay.isPresent() ? d.dueAt(now.plus(delay.get())) : d.completed(DeliveryStatus.FAILED, now);
        }
        List<WebhookDelivery> out = new ArrayList<>();
        out.add(d);
        if (d.status() != DeliveryStatus.PENDING) {
            for (WebhookDelivery m : members) {
                if (!m.id().equals(d.id()) && m.status() == DeliveryStatus.PENDING) {
                    out.add(m.completedWith(d, now));
                }
            }
        }
        DeliveryAttempt attempt = new DeliveryAttempt(UUID.randomUUID(), d.id(), r.at(), r.statusCode(), r.latencyMs(),
                outcome.tag(), r.error());
        return new RecordedEmailAttempt(out, attempt, outcome);
    }

    /**
     * A 5xx SMTP reply refuses the message for good, except an authentication failure (530, 534, 535, 538): that is
     * the platform's relay settings, fixed by an operator, so the message is retried.
     */
    public static boolean refusedForGood(int smtpReply) {
        return smtpReply >= 500 && smtpReply < 600 && smtpReply != 530 && smtpReply != 534 && smtpReply != 535
                && smtpReply != 538;
    }

    public WebhookDelivery lead() {
        return deliveries.get(0);
    }
}
