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
 * {@code POST /imports}: a CSV file of filings, header {@code patentId,country,institution,sector,filingDate,city},
 * streamed like NDJSON.
 */
@Path("/imports")
@Blocking
public class ImportsResource {
    private final IngestService ingest;

    public ImportsResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestResult> csv(InputStream body) throws IOException {
        try {
            return RestResponse.accepted(ingest.importCsv(body));
        } catch (MalformedRequestException e) {
            BodyDrain.drain(body);
            throw e;
        }
    }
}
