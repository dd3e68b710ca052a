package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.Silence;
import io.nanopulse.contracts.api.alerts.SilencePage;
import io.nanopulse.contracts.api.alerts.SilenceRequest;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The caller's silences (→ alerts-service, as the caller's principal). */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(Roles.ALERTS)
public class SilencesResource {
    static final String ID = "Silence id (UUID).";
    static final String ID_EXAMPLE = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

    private final Forwarder forwarder;

    public SilencesResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Operation(operationId = "listSilences", summary = "List your silences")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SilencePage.class)))
    public Uni<Response> list(
            @Parameter(description = "Only silences in force now.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("active") String active,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.ALERTS, Query.path("/silences").param("active", active).param("page", page).param("size", size));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSilence", summary = "Create a silence",
            description = "Transitions it covers are recorded but neither sent nor streamed. It lasts from startsAt (default now) "
                    + "until endsAt, which must be in the future and at most 366 days after startsAt.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SilenceRequest.class),
            examples = {@ExampleObject(name = "a subscriber, one week", value = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE
                    + "\",\"startsAt\":\"2099-01-01T00:00:00Z\",\"endsAt\":\"2099-01-08T00:00:00Z\",\"comment\":\"receiver maintenance\"}"),
                    @ExampleObject(name = "a rule", value = "{\"ruleId\":\"" + RulesResource.ID_EXAMPLE
                    + "\",\"startsAt\":\"2099-01-01T00:00:00Z\",\"endsAt\":\"2099-12-31T00:00:00Z\"}"),
                    @ExampleObject(name = "by labels", value = "{\"matchers\":{\"team\":\"ip\"},"
                    + "\"startsAt\":\"2099-01-01T00:00:00Z\",\"endsAt\":\"2099-01-02T00:00:00Z\"}")}))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Silence.class)))
    public Uni<Response> create(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.POST, Query.path("/silences"), body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSilence", summary = "One of your silences")
    @APIResponse(responseCode = "200", description = "The silence.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Silence.class)))
    public Uni<Response> get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.get(Service.ALERTS, Query.path("/silences/" + Query.segment("id", id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSilence", summary = "End a silence")
    @APIResponse(responseCode = "204", description = "Ended.")
    public Uni<Response> delete(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.delete(Service.ALERTS, Query.path("/silences/" + Query.segment("id", id)));
    }
}
