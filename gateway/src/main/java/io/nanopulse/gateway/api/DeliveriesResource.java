package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.Delivery;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manual redelivery of one of the caller's webhook deliveries (→ alerts-service). */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(Roles.ALERTS)
public class DeliveriesResource {
    private final Forwarder forwarder;

    public DeliveriesResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Path("/{id}/redeliver")
    @Operation(operationId = "redeliver", summary = "Send a delivery again now", description = "Same webhook-id, a new retry round.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Delivery.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> redeliver(@Parameter(description = "Delivery id (UUID).", example = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b") @PathParam("id") String id) {
        return forwarder.call(Service.ALERTS, Verb.POST, Query.path("/deliveries/" + Query.segment("id", id) + "/redeliver"));
    }
}
