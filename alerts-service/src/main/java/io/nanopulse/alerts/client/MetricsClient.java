package io.nanopulse.alerts.client;

import io.nanopulse.contracts.api.metrics.FiguresBatch;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.api.metrics.Ranking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metrics-service query API (quarkus.rest-client.metrics.url), in the records of its public contract; signed as alerts-service. */
@RegisterRestClient(configKey = "metrics")
@RegisterProvider(ServiceIdentity.class)
@Path("/metrics")
public interface MetricsClient {

    @POST
    @Path("/figures/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    FiguresBatch batch(FiguresBatchRequest request);

    @GET
    @Path("/rankings")
    @Produces(MediaType.APPLICATION_JSON)
    Ranking rankings(@QueryParam("kind") String kind, @QueryParam("metric") String metric,
                     @QueryParam("window") String window, @QueryParam("asOf") String asOf,
                     @QueryParam("limit") int limit);
}
