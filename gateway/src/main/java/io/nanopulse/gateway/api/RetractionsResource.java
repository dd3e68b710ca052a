package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.ingest.Retraction;
import io.nanopulse.contracts.api.ingest.RetractionRequest;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** Taking data back (→ ingest-service, which records the retraction as an event on patent-events). */
@Path("/api/v1/admin/retractions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RetractionsResource {
    private final Forwarder forwarder;

    public RetractionsResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retract", summary = "Retract a patent or one deal",
            description = "Takes back a patent with every event of it, or (with dealEventId) one licence or transfer. "
                    + "The retraction is published on patent-events as a PATENT_RETRACTED or DEAL_RETRACTED event; within "
                    + "seconds every figure it counted in drops by exactly what it added, and alert rules see the drop. "
                    + "A retracted patent stays retracted: its later events are ignored. Sending the same retraction "
                    + "again changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetractionRequest.class), examples = {
                    @ExampleObject(name = "a patent", value = "{\"patentId\":\"CN115123456A\",\"reason\":\"sent by mistake\"}"),
                    @ExampleObject(name = "one deal", value = "{\"patentId\":\"CN115123456A\",\"dealEventId\":\"lic-0001\","
                            + "\"reason\":\"licence cancelled\"}")}))
    @APIResponse(responseCode = "202", description = "Recorded: the retraction event, durable in Kafka.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Retraction.class)))
    public Uni<Response> retract(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.INGEST, Verb.POST, Query.path("/admin/retractions"), body);
    }
}
