package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.Backtest;
import io.nanopulse.contracts.api.alerts.BacktestRequest;
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

/** A rule replayed over stored history before it is saved (→ alerts-service, as the caller's principal). */
@Path("/api/v1/rules/backtest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(Roles.ALERTS)
public class RuleBacktestResource {
    static final String MONTHLY_EXAMPLE = "{\"rule\":{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\","
            + "\"name\":\"China above 40%\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"metric\":\"share\","
            + "\"window\":\"P12M\",\"condition\":\"ABOVE\",\"threshold\":0.40,\"recoveryThreshold\":0.39},"
            + "\"from\":\"2024-01-01\",\"to\":\"2024-12-01\",\"step\":\"MONTH\"}";
    static final String DAILY_EXAMPLE = "{\"rule\":{\"subscriberId\":\"" + SubscribersResource.ID_EXAMPLE + "\","
            + "\"name\":\"China above 40% for a week\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"metric\":\"share\","
            + "\"window\":\"P12M\",\"condition\":\"ABOVE\",\"threshold\":0.40,\"pendingFor\":\"P7D\"},"
            + "\"from\":\"2024-03-01\",\"to\":\"2024-03-31\",\"step\":\"DAY\"}";

    private final Forwarder forwarder;

    public RuleBacktestResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "backtestRule", summary = "Replay a rule over a past period",
            description = "Evaluates a rule of any kind (the body POST /rules takes; subscriberId may be left out) as of "
                    + "`from` and then every day or month up to `to`, from the stored history, with the state machine of "
                    + "live evaluation, and answers when it would have fired and resolved. Pending durations and repeat "
                    + "intervals are measured between those dates: a rule that must wait fires at the first date at least "
                    + "pendingFor after the date it started pending (so a pendingFor shorter than the step fires one step "
                    + "later). Nothing is saved or sent. At most " + BacktestRequest.MAX_DAYS + " dates by DAY, "
                    + BacktestRequest.MAX_MONTHS + " by MONTH; `to` not after today.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BacktestRequest.class),
            examples = {@ExampleObject(name = "share above, month by month", value = MONTHLY_EXAMPLE),
                    @ExampleObject(name = "waits a week, day by day", value = DAILY_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "What the rule would have done.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Backtest.class)))
    public Uni<Response> backtest(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.POST, Query.path("/rules/backtest"), body);
    }
}
