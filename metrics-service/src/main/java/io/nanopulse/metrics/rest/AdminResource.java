package io.nanopulse.metrics.rest;

import io.nanopulse.metrics.service.InstitutionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.util.Map;

/** Operator actions. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    InstitutionService institutions;

    /** Recomputes every aggregate from the stored patents; results are identical to incremental ones. */
    @POST
    @Path("/rebuild")
    public Map<String, Object> rebuild() throws SQLException {
        long t0 = System.nanoTime();
        institutions.rebuildAll();
        return Map.of("rebuilt", true, "millis", (System.nanoTime() - t0) / 1_000_000);
    }
}
