package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageEmail;
import io.nanopulse.alerts.domain.SubscriberEmail;
import io.nanopulse.contracts.api.alerts.EmailConfirmation;
import io.nanopulse.contracts.api.alerts.EmailConfirmationRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Confirms an e-mail address with the token of its confirmation link. The token is the credential: the caller's
 * principal (anonymous at the gateway) owns nothing here, though the call must still come from the gateway.
 */
@Path("/email-confirmations")
@Produces(MediaType.APPLICATION_JSON)
public class EmailConfirmationResource {

    @Inject
    ManageEmail emails;

    /** 200 with the confirmed address; 404 when no address awaits the token (unknown, used or expired). */
    @POST
    public EmailConfirmation confirm(@Valid @NotNull(message = "a JSON body is required") EmailConfirmationRequest body) {
        SubscriberEmail e = emails.confirm(body.token());
        return new EmailConfirmation(e.subscriberId(), e.address(), e.confirmedAt());
    }
}
