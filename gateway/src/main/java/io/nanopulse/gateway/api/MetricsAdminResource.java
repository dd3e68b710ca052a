package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.metrics.Rebuilt;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator actions on metrics-service. */
@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class MetricsAdminResource {
    private final Forwarder forwarder;

    public MetricsAdminResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildAggregates", summary = "Rebuild every aggregate",
            description = "Recomputes all counters from the stored patents; the results equal the incremental ones.")
    @APIResponse(responseCode = "200", description = "Rebuilt.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuilt.class)))
    public Uni<Response> rebuild() {
        return forwarder.call(Service.METRICS, Verb.POST, Query.path("/admin/rebuild"));
    }
}
