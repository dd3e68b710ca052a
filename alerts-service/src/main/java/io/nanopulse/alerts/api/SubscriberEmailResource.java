package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageEmail;
import io.nanopulse.alerts.application.ManageSubscribers;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.PublicLinks;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Mails a subscriber's unconfirmed address a new confirmation link (the previous one stops working). */
@Path("/subscribers/{id}/email-confirmation")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberEmailResource {

    @Inject
    Caller caller;

    @Inject
    ManageEmail emails;

    @Inject
    ManageSubscribers subscribers;

    @Inject
    AlertsConfig config;

    /** 202 with the subscriber; 409 without an address or when it is confirmed already. */
    @POST
    public Response resend(@PathParam("id") UUID id) {
        var email = emails.resendConfirmation(caller.owner(), id);
        var s = subscribers.get(caller.owner(), id);
        return Response.accepted(ApiMapper.subscriber(s, false, new PublicLinks(config.publicBaseUrl()), email)).build();
    }
}
