package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageDeliveries;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.alerts.DeliveryPage;
import io.nanopulse.contracts.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** The delivery log of a subscriber's webhook: every delivery with its attempts (time, status, latency). */
@Path("/subscribers/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberDeliveriesResource {

    @Inject
    Caller caller;

    @Inject
    ManageDeliveries deliveries;

    /** Newest first; {@code status} filters (PENDING, DELIVERED, FAILED). */
    @GET
    public DeliveryPage list(@PathParam("id") UUID subscriberId, @QueryParam("status") String status,
                             @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        PageRequest p = Paging.of(page, size);
        DeliveryStatus filter = null;
        if (status != null) {
            try {
                filter = DeliveryStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be PENDING, DELIVERED or FAILED");
            }
        }
        return ApiMapper.deliveries(deliveries.list(caller.owner(), subscriberId, filter, p.page(), p.size()));
    }
}
