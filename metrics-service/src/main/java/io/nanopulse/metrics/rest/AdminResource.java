package io.nanopulse.metrics.rest;

import io.nanopulse.metrics.messaging.ConsumptionSwitch;
import io.nanopulse.metrics.service.InstitutionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.util.Map;

/** Operator actions on this instance. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    InstitutionService institutions;
    @Inject
    ConsumptionSwitch consumption;

    /** Recomputes every aggregate from the stored patents; results are identical to incremental ones. */
    @POST
    @Path("/rebuild")
    public Map<String, Object> rebuild() throws SQLException {
        long t0 = System.nanoTime();
        institutions.rebuildAll();
        return Map.of("rebuilt", true, "millis", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Whether this instance is consuming patent-events. */
    @GET
    @Path("/consumption")
    public Map<String, Object> consumption() {
        return state();
    }

    /**
     * Stops applying patent-events on this instance (for maintenance): the batch being applied completes, the
     * next ones wait in Kafka (the consumer stays in its group, its partitions paused), nothing is lost.
     */
    @POST
    @Path("/consumption/pause")
    public Map<String, Object> pause() {
        consumption.pause();
        return state();
    }

    /** Applies patent-events again, from where this instance stopped. */
    @POST
    @Path("/consumption/resume")
    public Map<String, Object> resume() {
        consumption.resume();
        return state();
    }

    private Map<String, Object> state() {
        return Map.of("channel", ConsumptionSwitch.CHANNEL, "paused", consumption.isPaused());
    }
}
