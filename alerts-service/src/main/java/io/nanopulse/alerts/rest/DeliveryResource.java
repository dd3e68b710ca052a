package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.delivery.DeliveryRelay;
import io.nanopulse.alerts.delivery.DeliveryStore;
import io.nanopulse.alerts.persistence.DeliveryAttempt;
import io.nanopulse.alerts.persistence.DeliveryStatus;
import io.nanopulse.alerts.persistence.Subscriber;
import io.nanopulse.alerts.persistence.WebhookDelivery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Manual redelivery of one webhook delivery. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    Caller caller;

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryRelay relay;

    /** Sends a delivery again, now, under the same webhook-id (a new retry round). */
    @POST
    @Path("/{id}/redeliver")
    public Response redeliver(@PathParam("id") UUID id) {
        DeliveryView view = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
            Subscriber s = d == null ? null : Subscriber.findOwned(d.subscriberId, caller.owner());
            if (s == null) {
                throw ProblemException.notFound("delivery " + id);
            }
            if (!s.webhookActive()) {
                throw ProblemException.conflict("the subscriber's webhook endpoint is disabled ("
                        + (s.webhookDisabledReason == null ? "no URL" : s.webhookDisabledReason)
                        + "); save its webhookUrl again to re-enable it");
            }
            store.redeliver(d, s);
            return DeliveryView.of(d, DeliveryAttempt.list("deliveryId = ?1 order by attemptedAt", id));
        });
        relay.kick();
        return Response.accepted(view).build();
    }
}
