package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.Rule;
import io.nanopulse.contracts.api.alerts.RulePage;
import io.nanopulse.contracts.api.alerts.RuleRequest;
import io.nanopulse.contracts.api.alerts.RuleState;
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

/** The caller's rules (→ alerts-service, as the caller's principal). */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(Roles.ALERTS)
public class RulesResource {
    static final String ID = "Rule id (UUID).";
    static final String ID_EXAMPLE = "6a1f3c9e-2b4d-4e8f-9c1a-7d5e3b2f1a09";
    static final String RULE_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"China above 40%\","
            + "\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"metric\":\"share\",\"window\":\"ALL\",\"condition\":\"ABOVE\","
            + "\"threshold\":0.40,\"recoveryThreshold\":0.39,\"labels\":{\"team\":\"ip\"}}";
    static final String RULE_WAITING_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"CAS filings below 100\","
            + "\"subject\":{\"kind\":\"INSTITUTION\",\"key\":\"cas\"},\"metric\":\"filings\",\"window\":\"P12M\",\"condition\":\"BELOW\","
            + "\"threshold\":100,\"pendingFor\":\"PT10M\",\"repeatInterval\":\"P1D\",\"labels\":{\"team\":\"ip\"}}";

    static final String RULE_CHANGE_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"China's share up two points in a year\","
            + "\"kind\":\"CHANGE\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"metric\":\"share\",\"window\":\"P12M\","
            + "\"lookback\":\"P1Y\",\"direction\":\"UP\",\"amount\":0.02,\"recoveryAmount\":0.01}";
    static final String RULE_RANK_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"CAS is the top holder\","
            + "\"kind\":\"RANK\",\"subject\":{\"kind\":\"INSTITUTION\",\"key\":\"cas\"},\"metric\":\"filings\",\"window\":\"ALL\","
            + "\"condition\":\"IN_TOP\",\"top\":1}";
    static final String RULE_LEADER_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"Whoever is first\","
            + "\"kind\":\"RANK\",\"rankingKind\":\"INSTITUTION\",\"metric\":\"filings\",\"window\":\"P12M\",\"margin\":5,"
            + "\"pendingFor\":\"P1D\"}";
    static final String RULE_COMPARE_EXAMPLE = "{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\",\"name\":\"China ahead of the US, Japan and Korea together\","
            + "\"kind\":\"COMPARE\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"other\":{\"kind\":\"GROUP\",\"key\":\"us-jp-kr\"},"
            + "\"metric\":\"share\",\"window\":\"ALL\",\"condition\":\"ABOVE\",\"margin\":0.01}";

    private final Forwarder forwarder;

    public RulesResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    static String path(String id) {
        return "/rules/" + Query.segment("id", id);
    }

    @GET
    @Operation(operationId = "listRules", summary = "List your rules")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulePage.class)))
    public Uni<Response> list(
            @Parameter(description = "Only rules of this subscriber.", example = SubscribersResource.ID_EXAMPLE) @QueryParam("subscriberId") String subscriberId,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.ALERTS, Query.path("/rules").param("subscriberId", subscriberId).param("page", page).param("size", size));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRule", summary = "Create a rule", description = "The rule is evaluated at once against "
            + "current values. Kinds: THRESHOLD (the default), CHANGE, RANK and COMPARE; each takes only its own fields.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleRequest.class),
            examples = {@ExampleObject(name = "share above", value = RULE_EXAMPLE),
                    @ExampleObject(name = "waits and reminds", value = RULE_WAITING_EXAMPLE),
                    @ExampleObject(name = "change in a year", value = RULE_CHANGE_EXAMPLE),
                    @ExampleObject(name = "holds first place", value = RULE_RANK_EXAMPLE),
                    @ExampleObject(name = "first place changes hands", value = RULE_LEADER_EXAMPLE),
                    @ExampleObject(name = "compared with a group", value = RULE_COMPARE_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Uni<Response> create(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.POST, Query.path("/rules"), body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRule", summary = "One of your rules")
    @APIResponse(responseCode = "200", description = "The rule.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Uni<Response> get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.get(Service.ALERTS, Query.path(path(id)));
    }

    @PUT
    @Path("/{id}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateRule", summary = "Replace a rule", description = "Its state is kept and re-evaluated at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleRequest.class),
            examples = {@ExampleObject(name = "share above", value = RULE_EXAMPLE),
                    @ExampleObject(name = "waits and reminds", value = RULE_WAITING_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The rule.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Uni<Response> update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
                                @Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.PUT, Query.path(path(id)), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteRule", summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.delete(Service.ALERTS, Query.path(path(id)));
    }

    @GET
    @Path("/{id}/state")
    @Operation(operationId = "getRuleState", summary = "State and recent transitions of a rule")
    @APIResponse(responseCode = "200", description = "The state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleState.class)))
    public Uni<Response> state(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
                               @Parameter(description = "How many recent transitions (0..200).", schema = @Schema(type = SchemaType.INTEGER,
                                       minimum = "0", maximum = "200", defaultValue = "20")) @QueryParam("transitions") String transitions) {
        return forwarder.get(Service.ALERTS, Query.path(path(id) + "/state").param("transitions", transitions));
    }
}
