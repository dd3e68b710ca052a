package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageRules;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.QueryParams;
import io.nanopulse.contracts.api.alerts.Rule;
import io.nanopulse.contracts.api.alerts.RulePage;
import io.nanopulse.contracts.api.alerts.RuleRequest;
import io.nanopulse.contracts.api.alerts.RuleState;
import io.nanopulse.contracts.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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

import java.net.URI;
import java.util.UUID;

/**
 * Threshold rules of the calling owner. A saved rule is evaluated at once against current values
 * (after its transaction commits, off the request thread).
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    @Inject
    Caller caller;

    @Inject
    ManageRules rules;

    @POST
    public Response create(@NotNull(message = "a JSON body is required") RuleRequest body) {
        Rule created = ApiMapper.rule(rules.create(caller.owner(), body.subscriberId(), ApiMapper.draft(body)));
        return Response.created(URI.create("/rules/" + created.id())).entity(created).build();
    }

    @GET
    public RulePage list(@QueryParam("subscriberId") String subscriberId,
                         @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        PageRequest p = Paging.of(page, size);
        return ApiMapper.rules(rules.list(caller.owner(), uuid("subscriberId", subscriberId), p.page(), p.size()));
    }

    @GET
    @Path("/{id}")
    public Rule get(@PathParam("id") UUID id) {
        return ApiMapper.rule(rules.get(caller.owner(), id));
    }

    /** Replaces the rule. Its state is kept and re-evaluated under the new definition at once. */
    @PUT
    @Path("/{id}")
    public Rule update(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") RuleRequest body) {
        return ApiMapper.rule(rules.update(caller.owner(), id, body.subscriberId(), ApiMapper.draft(body)));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        rules.delete(caller.owner(), id);
        return Response.noContent().build();
    }

    /** The rule's state and its latest {@code transitions} transitions (0..200), newest first. */
    @GET
    @Path("/{id}/state")
    public RuleState state(@PathParam("id") UUID id,
                           @QueryParam("transitions") String transitions) {
        int count = QueryParams.integer("transitions", transitions, 20, 0, Paging.MAX_SIZE);
        return ApiMapper.state(rules.state(caller.owner(), id, count));
    }

    private static UUID uuid(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ProblemException.invalid(name, "must be a UUID");
    }
}
