package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageEmail;
import io.nanopulse.alerts.application.ManageSubscribers;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.PublicLinks;
import io.nanopulse.alerts.domain.SubscriberEmail;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
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

    /**
     * 202 with the subscriber; 409 without an address or when it is confirmed already; 429 with Retry-After when it
     * was sent again less than nanopulse.alerts.email.resend-interval ago.
     */
    @POST
    public Response resend(@PathParam("id") UUID id) {
        SubscriberEmail email;
        try {
            email = emails.resendConfirmation(caller.owner(), id);
        } catch (ManageEmail.TooSoon e) {
            return ProblemResponses.builder(Problem.of(ProblemType.RATE_LIMITED, e.getMessage()))
                    .header("Retry-After", String.valueOf(ManageEmail.TooSoon.seconds(e.retryAfter()))).build();
        }
        var s = subscribers.get(caller.owner(), id);
        return Response.accepted(ApiMapper.subscriber(s, false, new PublicLinks(config.publicBaseUrl()), email)).build();
    }
}
