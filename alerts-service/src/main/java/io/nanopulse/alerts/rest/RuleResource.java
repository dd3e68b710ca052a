package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.evaluation.AlertEvaluator;
import io.nanopulse.alerts.persistence.AlertRule;
import io.nanopulse.alerts.persistence.AlertTransition;
import io.nanopulse.alerts.persistence.RuleState;
import io.nanopulse.alerts.persistence.Subscriber;
import io.nanopulse.alerts.service.RuleDefinition;
import io.nanopulse.alerts.service.RuleValidator;
import io.nanopulse.contracts.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    AlertEvaluator evaluator;

    @POST
    public Response create(@NotNull(message = "a JSON body is required") RuleRequest body) {
        RuleView view = QuarkusTransaction.requiringNew().call(() -> {
            RuleDefinition d = checked(body);
            Instant now = Instant.now();
            AlertRule r = new AlertRule();
            r.id = UUID.randomUUID();
            r.owner = caller.owner();
            r.subscriberId = body.subscriberId();
            r.apply(d);
            r.revision = 1;
            r.createdAt = now;
            r.updatedAt = now;
            r.persist();
            RuleState s = RuleState.initial(r.id, now);
            s.persist();
            return RuleView.of(r, s);
        });
        evaluator.evaluateSoon(view.id());
        return Response.created(URI.create("/rules/" + view.id())).entity(view).build();
    }

    @GET
    public Page<RuleView> list(@QueryParam("subscriberId") UUID subscriberId,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = subscriberId == null
                    ? AlertRule.<AlertRule>find("owner = ?1 order by createdAt, id", caller.owner())
                    : AlertRule.<AlertRule>find("owner = ?1 and subscriberId = ?2 order by createdAt, id", caller.owner(), subscriberId);
            q.page(page, size);
            List<AlertRule> rules = q.list();
            Map<UUID, RuleState> states = RuleState.<RuleState>list("ruleId in ?1", rules.stream().map(r -> r.id).toList())
                    .stream().collect(Collectors.toMap(s -> s.ruleId, Function.identity()));
            return new Page<>(rules.stream().map(r -> RuleView.of(r, states.get(r.id))).toList(), page, size, q.count());
        });
    }

    @GET
    @Path("/{id}")
    public RuleView get(@PathParam("id") UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = owned(id);
            return RuleView.of(r, RuleState.findById(id));
        });
    }

    /** Replaces the rule. Its state is kept and re-evaluated under the new definition at once. */
    @PUT
    @Path("/{id}")
    public RuleView update(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") RuleRequest body) {
        RuleView view = QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = owned(id);
            // Lock the state row: an evaluation in flight either finishes first or sees the new revision.
            RuleState s = RuleState.findById(id, LockModeType.PESSIMISTIC_WRITE);
            RuleDefinition d = checked(body);
            r.subscriberId = body.subscriberId();
            r.apply(d);
            r.revision++;
            r.updatedAt = Instant.now();
            return RuleView.of(r, s);
        });
        evaluator.evaluateSoon(id);
        return view;
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        QuarkusTransaction.requiringNew().run(() -> owned(id).delete());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/state")
    public RuleStateView state(@PathParam("id") UUID id,
                               @QueryParam("transitions") @DefaultValue("20") int transitions) {
        if (transitions < 0 || transitions > Page.MAX_SIZE) {
            throw ProblemException.invalid("transitions", "must be within 0.." + Page.MAX_SIZE);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(id);
            RuleState s = RuleState.findById(id);
            List<AlertTransition> recent = transitions == 0 ? List.of()
                    : AlertTransition.<AlertTransition>find("ruleId = ?1 order by seq desc", id).page(0, transitions).list();
            return RuleStateView.of(s, recent);
        });
    }

    private AlertRule owned(UUID id) {
        AlertRule r = AlertRule.findOwned(id, caller.owner());
        if (r == null) {
            throw ProblemException.notFound("rule " + id);
        }
        return r;
    }

    private RuleDefinition checked(RuleRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.subscriberId() == null) {
            errors.add(new FieldError("subscriberId", "is required"));
        } else if (Subscriber.findOwned(body.subscriberId(), caller.owner()) == null) {
            errors.add(new FieldError("subscriberId", "no such subscriber"));
        }
        RuleValidator.Result result = RuleValidator.validate(body.draft());
        if (result instanceof RuleValidator.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ((RuleValidator.Valid) result).rule();
    }
}
