package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.contracts.api.metrics.InstitutionChange;
import io.nanopulse.contracts.api.metrics.InstitutionPage;
import io.nanopulse.contracts.api.metrics.NewAlias;
import io.nanopulse.contracts.api.metrics.NewInstitution;
import io.nanopulse.contracts.api.metrics.NormalisedName;
import io.nanopulse.contracts.api.metrics.Reassigned;
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

/**
 * Canonical institutions and their aliases (→ metrics-service); changes re-aggregate at once. Admins, who
 * manage them, read them too.
 */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
public class InstitutionsResource {
    private final Forwarder forwarder;

    public InstitutionsResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    @Operation(operationId = "listInstitutions", summary = "List institutions", description = "Institutions with their aliases, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionPage.class)))
    public Uni<Response> list(
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..500).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.METRICS, Query.path("/institutions").param("page", page).param("size", size));
    }

    @GET
    @Path("/normalise")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    @Operation(operationId = "normaliseInstitutionName", summary = "Key form of a name", description = "How a raw institution name compares, to check an alias before adding it.")
    @APIResponse(responseCode = "200", description = "The key form.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormalisedName.class)))
    public Uni<Response> normalise(
            @Parameter(description = "A raw name (1..512 characters).", required = true, example = "Chinese Academy of Sciences") @QueryParam("name") String name) {
        return forwarder.get(Service.METRICS, Query.path("/institutions/normalise").param("name", name));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    @Operation(operationId = "getInstitution", summary = "One institution")
    @APIResponse(responseCode = "200", description = "The institution.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Institution.class)))
    public Uni<Response> get(@Parameter(description = "Institution id.", example = "cas") @PathParam("id") String id) {
        return forwarder.get(Service.METRICS, Query.path("/institutions/" + Query.segment("id", id)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createInstitution", summary = "Create an institution", description = "Patents matching its aliases are re-assigned to it at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewInstitution.class),
            examples = @ExampleObject(name = "CAS", value = "{\"id\":\"cas\",\"displayName\":\"Chinese Academy of Sciences\","
                    + "\"country\":\"CN\",\"aliases\":[\"Chinese Academy of Sciences*\"]}")))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionChange.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.METRICS, Verb.POST, Query.path("/institutions"), body);
    }

    @POST
    @Path("/{id}/aliases")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addInstitutionAlias", summary = "Add an alias", description = "Patents matching the alias are re-assigned at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewAlias.class),
            examples = @ExampleObject(name = "a name pattern", value = "{\"pattern\":\"CAS Institute of *\"}")))
    @APIResponse(responseCode = "200", description = "The institution after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionChange.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> addAlias(@Parameter(description = "Institution id.", example = "cas") @PathParam("id") String id,
                                  @Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.METRICS, Verb.POST, Query.path("/institutions/" + Query.segment("id", id) + "/aliases"), body);
    }

    @DELETE
    @Path("/{id}/aliases/{aliasId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeInstitutionAlias", summary = "Remove an alias")
    @APIResponse(responseCode = "200", description = "The institution after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionChange.class)))
    public Uni<Response> removeAlias(@Parameter(description = "Institution id.", example = "cas") @PathParam("id") String id,
                                     @Parameter(description = "Alias id.", example = "7") @PathParam("aliasId") String aliasId) {
        return forwarder.delete(Service.METRICS, Query.path("/institutions/" + Query.segment("id", id) + "/aliases/"
                + Query.segment("aliasId", aliasId)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteInstitution", summary = "Delete an institution", description = "Its patents fall back to their raw names.")
    @APIResponse(responseCode = "200", description = "How many patents moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reassigned.class)))
    public Uni<Response> delete(@Parameter(description = "Institution id.", example = "cas") @PathParam("id") String id) {
        return forwarder.delete(Service.METRICS, Query.path("/institutions/" + Query.segment("id", id)));
    }
}
