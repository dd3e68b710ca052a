package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageDeliveries;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Manual redelivery of one webhook delivery. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    Caller caller;

    @Inject
    ManageDeliveries deliveries;

    /** Sends a delivery again, now, under the same webhook-id (a new retry round); 409 while the endpoint is disabled. */
    @POST
    @Path("/{id}/redeliver")
    public Response redeliver(@PathParam("id") UUID id) {
        return Response.accepted(ApiMapper.delivery(deliveries.redeliver(caller.owner(), id))).build();
    }
}
