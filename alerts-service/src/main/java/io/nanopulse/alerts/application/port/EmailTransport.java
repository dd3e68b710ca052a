package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.EmailClaim;

/** Sends e-mail through the platform's SMTP relay. */
public interface EmailTransport {

    /**
     * Sends one alert (or digest) message and waits for the relay's answer; never throws for an SMTP or network
     * failure: {@link AttemptResult#statusCode()} is the SMTP reply code, null when no reply arrived.
     */
    AttemptResult send(EmailClaim claim);

    /**
     * Mails the confirmation link to {@code address} in the background, retried a few times with backoff; a final
     * failure is logged (never the link).
     */
    void sendConfirmation(String address, String link);
}
