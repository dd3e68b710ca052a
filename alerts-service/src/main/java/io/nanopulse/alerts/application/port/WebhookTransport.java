package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;

/** Sends one signed webhook POST for a claimed delivery; never throws for an HTTP or network failure. */
public interface WebhookTransport {

    AttemptResult send(Claim claim);
}
