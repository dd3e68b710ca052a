package io.nanopulse.alerts.domain;

import java.util.List;

/** A delivery and its attempt log, oldest attempt first. */
public record DeliveryWithAttempts(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
}
