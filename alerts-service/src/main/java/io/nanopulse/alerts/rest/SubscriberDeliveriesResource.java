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

/** The delivery log of a subscriber's webhook: every delivery with its attempts (time, status, latency). */
@Path("/subscribers/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberDeliveriesResource {

    @Inject
    Caller caller;

    /** Newest first; {@code status} filters (PENDING, DELIVERED, FAILED). */
    @GET
    public Page<DeliveryView> list(@PathParam("id") UUID subscriberId, @QueryParam("status") String status,
                                   @QueryParam("page") @DefaultValue("0") int page,
                                   @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        DeliveryStatus filter = null;
        if (status != null) {
            try {
                filter = DeliveryStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be PENDING, DELIVERED or FAILED");
            }
        }
        DeliveryStatus f = filter;
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Subscriber.findOwned(subscriberId, caller.owner()) == null) {
                throw ProblemException.notFound("subscriber " + subscriberId);
            }
            var q = f == null
                    ? WebhookDelivery.<WebhookDelivery>find("subscriberId = ?1 order by createdAt desc, id", subscriberId)
                    : WebhookDelivery.<WebhookDelivery>find("subscriberId = ?1 and status = ?2 order by createdAt desc, id",
                    subscriberId, f);
            q.page(page, size);
            List<WebhookDelivery> deliveries = q.list();
            Map<UUID, List<DeliveryAttempt>> attempts = DeliveryAttempt.<DeliveryAttempt>list(
                            "deliveryId in ?1 order by attemptedAt", deliveries.stream().map(d -> d.id).toList())
                    .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
            return new Page<>(deliveries.stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of()))).toList(),
                    page, size, q.count());
        });
    }

}
