package io.nanopulse.ingest.api;

import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.ingest.application.IngestService;
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
 * {@code POST /events}: one JSON event or an array (bounded), or an NDJSON stream of any length.
 * Blocking with an {@link InputStream} parameter: Quarkus REST then hands over the request body as it
 * arrives (demand-driven, not buffered), so NDJSON never sits in memory as a whole.
 */
@Path("/events")
@Blocking
public class EventsResource {
    public static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;

    public EventsResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestResult> json(InputStream body) throws IOException {
        try {
            return RestResponse.accepted(ingest.ingestJson(body));
        } catch (MalformedRequestException e) {
            BodyDrain.drain(body);
            throw e;
        }
    }

    @POST
    @Consumes({NDJSON, "application/ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestResult> ndjson(InputStream body) throws IOException {
        try {
            return RestResponse.accepted(ingest.ingestNdjson(body));
        } catch (MalformedRequestException e) {
            BodyDrain.drain(body);
            throw e;
        }
    }
}
