package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.BacktestRule;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.BacktestReplay;
import io.nanopulse.contracts.api.alerts.Backtest;
import io.nanopulse.contracts.api.alerts.BacktestRequest;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A rule of the calling owner replayed over a past period, before it is saved; nothing is stored. */
@Path("/rules/backtest")
@Produces(MediaType.APPLICATION_JSON)
public class RuleBacktestResource {

    @Inject
    Caller caller;

    @Inject
    BacktestRule backtests;

    /** 200 with what the rule would have done; 429 with Retry-After while this instance runs as many as allowed. */
    @POST
    public Response backtest(@NotNull(message = "a JSON body is required") BacktestRequest body) {
        var rule = body.rule();
        BacktestRule.Result r;
        try {
            r = backtests.run(caller.owner(), rule == null ? null : rule.subscriberId(),
                    rule == null ? null : ApiMapper.draft(rule), body.from(), body.to(), body.step());
        } catch (BacktestRule.Busy e) {
            return ProblemResponses.builder(Problem.of(ProblemType.RATE_LIMITED, e.getMessage()))
                    .header("Retry-After", "1").build();
        }
        return Response.ok(backtest(r)).build();
    }

    private static Backtest backtest(BacktestRule.Result r) {
        BacktestReplay.Outcome o = r.outcome();
        return new Backtest(r.period().step().name(), r.period().from(), r.period().to(),
                o.points().stream().map(p -> new Backtest.BacktestPoint(p.asOf(), p.value(), p.state().name(),
                        ApiMapper.measurement(p.measurement()))).toList(),
                o.transitions().stream().map(RuleBacktestResource::transition).toList(),
                o.firing().stream().map(f -> new Backtest.FiringPeriod(f.from(), f.to())).toList(),
                o.state().name());
    }

    private static Backtest.BacktestTransition transition(AlertTransition t) {
        return new Backtest.BacktestTransition(t.kind().name(), t.from().name(), t.to().name(),
                BacktestReplay.date(t.occurredAt()), t.value(), t.threshold(), ApiMapper.measurement(t.measurement()));
    }
}
