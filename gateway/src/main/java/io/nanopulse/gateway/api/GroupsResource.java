package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.metrics.Group;
import io.nanopulse.contracts.api.metrics.GroupPage;
import io.nanopulse.contracts.api.metrics.GroupRequest;
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
import jakarta.ws.rs.PUT;
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
 * Groups of countries or institutions, subjects of kind GROUP (→ metrics-service, as the caller's principal). Every
 * reader reads them; a key with the role alerts changes its principal's own, an admin key shared ones and any.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Groups")
public class GroupsResource {
    static final String NAME = "Group name: lower-case letters, digits and hyphens (1..63), case-folded.";
    static final String NAME_EXAMPLE = "us-jp-kr";
    static final String COUNTRIES_EXAMPLE = "{\"name\":\"us-jp-kr\",\"memberKind\":\"COUNTRY\",\"members\":[\"US\",\"JP\",\"KR\"],\"shared\":true}";
    static final String HOLDERS_EXAMPLE = "{\"name\":\"academies\",\"memberKind\":\"INSTITUTION\",\"members\":[\"cas\"]}";
    static final String MEMBERS_EXAMPLE = "{\"memberKind\":\"COUNTRY\",\"members\":[\"JP\",\"KR\",\"US\"]}";

    private final Forwarder forwarder;

    public GroupsResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    static Query path(String name) {
        return Query.path("/groups/" + Query.segment("name", name));
    }

    @GET
    @RolesAllowed({Roles.READ, Roles.ALERTS, Roles.ADMIN})
    @Operation(operationId = "listGroups", summary = "List groups",
            description = "The groups you see by name, a page at a time: the shared ones and your own (role admin: all)."
                    + " A group is visible only to its owner, to admins and, if shared, to everyone; a group you see is a"
                    + " subject of figures and rankings (kind GROUP, key its name). Rules watch shared groups only (alerts"
                    + " reads figures as its own service identity): ask an admin to share a group a rule should watch.")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupPage.class)))
    public Uni<Response> list(
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.METRICS, Query.path("/groups").param("page", page).param("size", size));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ALERTS, Roles.ADMIN})
    @Operation(operationId = "createGroup", summary = "Create a group",
            description = "A named set of 1..200 countries or of 1..200 institutions. It belongs to your principal, or is"
                    + " shared (`shared: true`, role admin). Names are unique across all principals (409 when taken);"
                    + " a principal has at most 100 groups.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupRequest.class),
            examples = {@ExampleObject(name = "countries", value = COUNTRIES_EXAMPLE),
                    @ExampleObject(name = "institutions", value = HOLDERS_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.METRICS, Verb.POST, Query.path("/groups"), body);
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.READ, Roles.ALERTS, Roles.ADMIN})
    @Operation(operationId = "getGroup", summary = "One group",
            description = "A shared group or your own (role admin: any); another principal's private group is a 404, like an unknown name.")
    @APIResponse(responseCode = "200", description = "The group.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    public Uni<Response> get(@Parameter(description = NAME, example = NAME_EXAMPLE) @PathParam("name") String name) {
        return forwarder.get(Service.METRICS, path(name));
    }

    @PUT
    @Path("/{name}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ALERTS, Roles.ADMIN})
    @Operation(operationId = "updateGroup", summary = "Replace a group's members",
            description = "Your own group, or (role admin) any group; another principal's private group is a 404. The name cannot change (a `name` in the body must be"
                    + " the path's), nor whether it is shared.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupRequest.class),
            examples = @ExampleObject(name = "new members", value = MEMBERS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The group.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    public Uni<Response> update(@Parameter(description = NAME, example = NAME_EXAMPLE) @PathParam("name") String name,
                                @Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.METRICS, Verb.PUT, path(name), body);
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({Roles.ALERTS, Roles.ADMIN})
    @Operation(operationId = "deleteGroup", summary = "Delete a group",
            description = "Your own group, or (role admin) any group; another principal's private group is a 404. Figures asked for it then answer 404.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@Parameter(description = NAME, example = NAME_EXAMPLE) @PathParam("name") String name) {
        return forwarder.delete(Service.METRICS, path(name));
    }
}
