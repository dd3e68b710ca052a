package io.nanopulse.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A service's management interface as the status reads it: readiness and Prometheus metrics (built per service). */
@RegisterRestClient
public interface ManagementProbeApi extends AutoCloseable {

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();

    @GET
    @Path("/q/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    Uni<Response> metrics();
}
