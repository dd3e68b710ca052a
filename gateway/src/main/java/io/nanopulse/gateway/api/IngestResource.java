package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * Events and CSV imports (→ ingest-service). The body is streamed through as it arrives (see
 * {@link io.nanopulse.gateway.application.Forwarding#stream}), so an NDJSON or CSV file of any size passes with
 * one chunk in memory; ingest-service bounds what it parses.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest")
@RolesAllowed(Roles.INGEST)
public class IngestResource {
    public static final String NDJSON = "application/x-ndjson";
    private static final String EVENT_EXAMPLE = "{\"type\":\"PATENT_FILED\",\"eventId\":\"evt-1\","
            + "\"patentId\":\"CN115123456A\",\"country\":\"CN\","
            + "\"institution\":\"Chinese Academy of Sciences\",\"sector\":\"SEMICONDUCTORS\",\"filingDate\":\"2024-03-01\",\"city\":\"Shanghai\"}";

    private final Forwarder forwarder;

    public IngestResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Path("/events")
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, "application/ndjson"})
    @Operation(operationId = "postEvents", summary = "Send patent events",
            description = "One event object or an array of up to 10,000 (application/json), or an NDJSON stream of any length "
                    + "(application/x-ndjson). Valid events are stored durably in Kafka; invalid ones are listed in errors.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A patent event (contracts schema v1) or an array of them."),
                    examples = @ExampleObject(name = "one event", value = EVENT_EXAMPLE)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.OBJECT, description = "Each line is one patent event object."),
                    examples = @ExampleObject(name = "stream", value = EVENT_EXAMPLE + "\n"))})
    @APIResponse(responseCode = "202", description = "Taken: counts of accepted, rejected and duplicate events.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    public Response events(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(hidden = true) InputStream body) {
        return forwarder.stream(Service.INGEST, Query.path("/events"), contentType, body, Long.MAX_VALUE);
    }

    @POST
    @Path("/imports")
    @Blocking
    @Consumes("text/csv")
    @Operation(operationId = "postImport", summary = "Import filings from CSV",
            description = "A CSV file (RFC 4180, UTF-8) with the header patentId,country,institution,sector,filingDate,city (any "
                    + "order; city may be empty), streamed (any length). Each row is a PATENT_FILED event whose eventId is "
                    + "\"csv:\" + the normalised patentId, so importing a file again changes nothing; there is no type or eventId column.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two rows", value = "patentId,country,institution,sector,filingDate,city\n"
                    + "CN115123456A,CN,Chinese Academy of Sciences,SEMICONDUCTORS,2024-03-01,Shanghai\n"
                    + "US11234567B2,US,MIT,BIOMEDICINE,2024-03-02,Cambridge\n")))
    @APIResponse(responseCode = "202", description = "Taken: counts of accepted, rejected and duplicate rows.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    public Response imports(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @Parameter(hidden = true) InputStream body) {
        return forwarder.stream(Service.INGEST, Query.path("/imports"), contentType, body, Long.MAX_VALUE);
    }
}
