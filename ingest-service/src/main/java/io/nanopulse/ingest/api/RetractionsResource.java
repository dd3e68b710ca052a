package io.nanopulse.ingest.api;

import io.nanopulse.contracts.api.ingest.Retraction;
import io.nanopulse.contracts.trust.RequiresRole;
import io.nanopulse.ingest.application.Retractions;
import io.nanopulse.ingest.domain.MalformedRequestException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /admin/retractions}: takes back a patent or one deal by publishing a retraction event (the gateway
 * admits only the admin role). 202 once Kafka holds it; figures drop when metrics-service applies it.
 */
@Path("/admin/retractions")
@RequiresRole("admin")
@Blocking
public class RetractionsResource {
    private final Retractions retractions;

    public RetractionsResource(Retractions retractions) {
        this.retractions = retractions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Retraction> retract(InputStream body) throws IOException {
        try {
            return RestResponse.accepted(Retraction.of(retractions.retract(body)));
        } catch (MalformedRequestException e) {
            BodyDrain.drain(body);
            throw e;
        }
    }
}
