package io.nanopulse.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The API endpoints of a service the status reads (a typed REST client; built per service). */
@RegisterRestClient
public interface ServiceProbeApi extends AutoCloseable {

    @GET
    @Path("/metrics/progress")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> progress();
}
