package io.nanopulse.gateway.api;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Dates;
import io.nanopulse.contracts.api.metrics.Figures;
import io.nanopulse.contracts.api.metrics.FiguresBatch;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.api.metrics.Ranking;
import io.nanopulse.contracts.api.metrics.Series;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Shares, figures, rankings, licensing rates and time series (→ metrics-service). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figures")
@RolesAllowed(Roles.READ)
public class FiguresResource {
    static final String KIND = "Subject kind: GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY or GROUP.";
    static final String KEY = "Subject key: \"CN\" (COUNTRY), an institution id or name, \"CN/SEMICONDUCTORS\" (COUNTRY_SECTOR), \"CN/Shanghai\" (CITY),"
            + " a group's name \"us-jp-kr\" (GROUP: the sums over its members; a group is visible to its owner, to admins and,"
            + " if shared, to everyone: another principal's private group is a 404 like an unknown one); empty for GLOBAL.";
    static final String RANKED_KIND = "Kind to rank: COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY or GROUP (by the sums over"
            + " their members, the groups you see: the shared ones and your own; an admin's: all).";
    static final String WINDOW = "Filing-date window: ALL, a year (2024), a trailing ISO-8601 period (P12M, P5Y, P30D) or an inclusive range 2020-01-01..2020-12-31 (dates " + Dates.RANGE + ").";
    static final String AS_OF = "Point in time (ISO date " + Dates.RANGE + ", default today UTC); caps the end of ALL and year windows.";

    private final Forwarder forwarder;

    public FiguresResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/figures")
    @Operation(operationId = "getFigures", summary = "Figures of one subject",
            description = "Filings, grants, licensed count, share of global filings and licensing rate of a subject over a window. An unknown subject has zeros; an unknown group is a 404.")
    @APIResponse(responseCode = "200", description = "The figures.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Figures.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> figures(
            @Parameter(description = KIND, required = true, example = "COUNTRY") @QueryParam("kind") String kind,
            @Parameter(description = KEY, example = "CN") @QueryParam("key") String key,
            @Parameter(description = WINDOW, example = "P12M") @QueryParam("window") String window,
            @Parameter(description = AS_OF, example = "2025-06-01") @QueryParam("asOf") String asOf) {
        return read(kind, Query.path("/metrics/figures")
                .param("kind", kind).param("key", key).param("window", window).param("asOf", asOf));
    }

    @GET
    @Path("/shares")
    @Operation(operationId = "getShare", summary = "Share of global filings of one subject",
            description = "The same figures as /figures, under the name clients look for: `share` is the subject's filings over global filings in the window.")
    @APIResponse(responseCode = "200", description = "The figures, with share.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Figures.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> shares(
            @Parameter(description = KIND, required = true, example = "COUNTRY") @QueryParam("kind") String kind,
            @Parameter(description = KEY, example = "CN") @QueryParam("key") String key,
            @Parameter(description = WINDOW, example = "P12M") @QueryParam("window") String window,
            @Parameter(description = AS_OF, example = "2025-06-01") @QueryParam("asOf") String asOf) {
        return figures(kind, key, window, asOf);
    }

    @POST
    @Path("/figures/batch")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFiguresBatch", summary = "Figures of many subjects at once",
            description = "Up to 1000 queries in one call; answers come in query order. A query naming an unknown group, or"
                    + " another principal's private group, fails the call (404 naming it).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FiguresBatchRequest.class), examples = {@ExampleObject(name = "two countries",
            value = "{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\",\"window\":\"P12M\"},"
                    + "{\"kind\":\"COUNTRY\",\"key\":\"US\",\"window\":\"2024\",\"asOf\":\"2025-06-01\"}]}"),
            @ExampleObject(name = "a country against a group", value = "{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\",\"window\":\"ALL\"},"
                    + "{\"kind\":\"GROUP\",\"key\":\"us-jp-kr\",\"window\":\"ALL\"}]}"),
            @ExampleObject(name = "a country split into its sectors", value = "{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\","
                    + "\"window\":\"P12M\",\"breakdown\":true}]}")}))
    @APIResponse(responseCode = "200", description = "The answers.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FiguresBatch.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> batch(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.METRICS, Verb.POST, Query.path("/metrics/figures/batch"), body);
    }

    @GET
    @Path("/global")
    @Operation(operationId = "getGlobal", summary = "Global figures", description = "Worldwide filings, grants and licensing over a window.")
    @APIResponse(responseCode = "200", description = "The global figures.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Figures.class)))
    public Uni<Response> global(
            @Parameter(description = WINDOW, example = "2024") @QueryParam("window") String window,
            @Parameter(description = AS_OF, example = "2025-06-01") @QueryParam("asOf") String asOf) {
        return forwarder.getShared(Service.METRICS, Query.path("/metrics/global").param("window", window).param("asOf", asOf));
    }

    @GET
    @Path("/rankings")
    @Operation(operationId = "getRankings", summary = "Top subjects by a metric",
            description = "The top `limit` subjects of a kind by filings, share, grants or licensing rate.")
    @APIResponse(responseCode = "200", description = "The ranking.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ranking.class)))
    public Uni<Response> rankings(
            @Parameter(description = RANKED_KIND, example = "COUNTRY",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "COUNTRY")) @QueryParam("kind") String kind,
            @Parameter(description = "filings, share, grants or licensingRate.", example = "share",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "filings",
                            enumeration = {"filings", "share", "grants", "licensingRate"})) @QueryParam("metric") String metric,
            @Parameter(description = WINDOW, example = "P12M") @QueryParam("window") String window,
            @Parameter(description = AS_OF, example = "2025-06-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Number of entries (1..100).", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("limit") String limit,
            @Parameter(description = "Narrows CITY and COUNTRY_SECTOR rankings to one country (CN); refused with other kinds.") @QueryParam("country") String country) {
        return read(kind, Query.path("/metrics/rankings").param("kind", kind).param("metric", metric)
                .param("window", window).param("asOf", asOf).param("limit", limit).param("country", country));
    }

    @GET
    @Path("/licensing-rates")
    @Operation(operationId = "getLicensingRates", summary = "Top subjects by licensing rate",
            description = "A ranking by licensing rate (licensed / filings): the same as /rankings?metric=licensingRate.")
    @APIResponse(responseCode = "200", description = "The ranking.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ranking.class)))
    public Uni<Response> licensingRates(
            @Parameter(description = RANKED_KIND, example = "INSTITUTION",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "COUNTRY")) @QueryParam("kind") String kind,
            @Parameter(description = WINDOW, example = "P5Y") @QueryParam("window") String window,
            @Parameter(description = AS_OF, example = "2025-06-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Number of entries (1..100).", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("limit") String limit,
            @Parameter(description = "Narrows CITY and COUNTRY_SECTOR rankings to one country (CN); refused with other kinds.") @QueryParam("country") String country) {
        return rankings(kind, "licensingRate", window, asOf, limit, country);
    }

    @GET
    @Path("/timeseries")
    @Operation(operationId = "getTimeSeries", summary = "Figures of one subject per year or month",
            description = "Yearly (default: 25 years to `to`) or monthly (default: 24 months) points; at most 1200.")
    @APIResponse(responseCode = "200", description = "The series.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Series.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> timeseries(
            @Parameter(description = KIND, required = true, example = "COUNTRY") @QueryParam("kind") String kind,
            @Parameter(description = KEY, example = "CN") @QueryParam("key") String key,
            @Parameter(description = "YEAR or MONTH.", example = "YEAR",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"YEAR", "MONTH"}, defaultValue = "YEAR")) @QueryParam("interval") String interval,
            @Parameter(description = "First day (ISO date " + Dates.RANGE + "), rounded down to its period.", example = "2015-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date " + Dates.RANGE + ", default today).", example = "2024-12-31") @QueryParam("to") String to) {
        return read(kind, Query.path("/metrics/timeseries").param("kind", kind).param("key", key)
                .param("interval", interval).param("from", from).param("to", to));
    }

    /**
     * A read of metrics: shared by every caller, except where a kind GROUP makes the answer depend on who asks
     * (which groups it sees); those go as the caller, uncached.
     */
    private Uni<Response> read(String kind, Query uri) {
        return group(kind) ? forwarder.get(Service.METRICS, uri) : forwarder.getShared(Service.METRICS, uri);
    }

    static boolean group(String kind) {
        try {
            return kind != null && SubjectKind.parse(kind) == SubjectKind.GROUP;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
