package io.nanopulse.metrics.api;

import io.nanopulse.contracts.api.metrics.Rebuilt;
import io.nanopulse.contracts.trust.RequiresRole;
import io.nanopulse.metrics.application.AggregateRebuild;
import io.nanopulse.metrics.application.ConsumptionSwitch;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;

/** Operator actions on this instance (role admin). */
@Path("/admin")
@RequiresRole("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    /** Whether this instance consumes patent-events, and the channel it is about. */
    public record ConsumptionState(String channel, boolean paused) {
    }

    @Inject
    AggregateRebuild rebuild;
    @Inject
    ConsumptionSwitch consumption;

    /** Recomputes every aggregate from the stored patents; results are identical to incremental ones. */
    @POST
    @Path("/rebuild")
    public Rebuilt rebuild() throws SQLException {
        long t0 = System.nanoTime();
        rebuild.rebuildAll();
        return new Rebuilt(true, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Whether this instance is consuming patent-events. */
    @GET
    @Path("/consumption")
    public ConsumptionState consumption() {
        return state();
    }

    /**
     * Stops applying patent-events on this instance (for maintenance): the batch being applied completes, the
     * next ones wait in Kafka (the consumer stays in its group, its partitions paused), nothing is lost.
     */
    @POST
    @Path("/consumption/pause")
    public ConsumptionState pause() {
        consumption.pause();
        return state();
    }

    /** Applies patent-events again, from where this instance stopped. */
    @POST
    @Path("/consumption/resume")
    public ConsumptionState resume() {
        consumption.resume();
        return state();
    }

    private ConsumptionState state() {
        return new ConsumptionState(consumption.channel(), consumption.isPaused());
    }
}
