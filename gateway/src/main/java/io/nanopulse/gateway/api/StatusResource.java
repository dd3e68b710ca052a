package io.nanopulse.gateway.api;

import io.nanopulse.gateway.application.StatusReport;
import io.nanopulse.gateway.application.StatusReporting;
import io.nanopulse.gateway.domain.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of the platform; always 200: a part that cannot be measured is null, with the reason. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class StatusResource {
    private final StatusReporting status;

    public StatusResource(StatusReporting status) {
        this.status = status;
    }

    @GET
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    @Operation(operationId = "getStatus", summary = "Platform status",
            description = "Readiness of each service, Kafka consumer lag per group, events/s in and out, DLQ size, webhook failure rate and the time of the last processed event.")
    @APIResponse(responseCode = "200", description = "The status.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusReport.class)))
    public Uni<StatusReport> get() {
        return status.report();
    }
}
