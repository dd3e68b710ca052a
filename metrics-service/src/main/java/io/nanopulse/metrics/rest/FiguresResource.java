package io.nanopulse.metrics.rest;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.metrics.config.MetricsConfig;
import io.nanopulse.metrics.service.Figures;
import io.nanopulse.metrics.service.FiguresService;
import io.nanopulse.metrics.service.Metric;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Internal query API: figures, rankings, time series, global totals, progress. */
@Path("/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    public record Query(String kind, String key, String window, String asOf) {
    }

    public record BatchRequest(List<Query> queries) {
    }

    public record BatchResponse(List<Figures> results) {
    }

    public record Series(Figures.Subject subject, String interval, List<FiguresService.SeriesPoint> points) {
    }

    @Inject
    FiguresService figures;
    @Inject
    MetricsConfig config;

    static SubjectKind kind(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("kind: is required (GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY)");
        try {
            return SubjectKind.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: unknown kind '" + raw + "'; use GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR or CITY");
        }
    }

    static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be an ISO-8601 date (YYYY-MM-DD)");
        }
    }

    private static <T> T windowed(SqlCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m != null && !m.matches("^[A-Za-z]+:.*")) throw new IllegalArgumentException("window: " + m);
            throw e;
        }
    }

    interface SqlCall<T> {
        T run() throws SQLException;
    }

    @GET
    @Path("/figures")
    public Figures figures(@QueryParam("kind") String kind, @QueryParam("key") String key,
                           @QueryParam("window") @DefaultValue("ALL") String window, @QueryParam("asOf") String asOf)
            throws SQLException {
        SubjectKind k = kind(kind);
        String normalisedKey = keyOf(k, key);
        LocalDate at = date("asOf", asOf);
        return windowed(() -> figures.figures(k, normalisedKey, window, at));
    }

    private static String keyOf(SubjectKind kind, String key) {
        try {
            return FiguresService.normaliseKey(kind, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key: " + e.getMessage());
        }
    }

    @GET
    @Path("/global")
    public Figures global(@QueryParam("window") @DefaultValue("ALL") String window, @QueryParam("asOf") String asOf)
            throws SQLException {
        LocalDate at = date("asOf", asOf);
        return windowed(() -> figures.figures(SubjectKind.GLOBAL, "", window, at));
    }

    @POST
    @Path("/figures/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchResponse batch(BatchRequest request) throws SQLException {
        if (request == null || request.queries() == null) throw new IllegalArgumentException("queries: is required");
        if (request.queries().size() > config.maxBatchQueries()) {
            throw new IllegalArgumentException("queries: at most " + config.maxBatchQueries() + " per request");
        }
        var out = new ArrayList<Figures>(request.queries().size());
        for (Query q : request.queries()) {
            out.add(figures(q.kind(), q.key(), q.window() == null ? "ALL" : q.window(), q.asOf()));
        }
        return new BatchResponse(out);
    }

    @GET
    @Path("/rankings")
    public FiguresService.Ranking rankings(@QueryParam("kind") @DefaultValue("COUNTRY") String kind,
                                           @QueryParam("metric") @DefaultValue("filings") String metric,
                                           @QueryParam("window") @DefaultValue("ALL") String window,
                                           @QueryParam("asOf") String asOf,
                                           @QueryParam("limit") @DefaultValue("10") int limit,
                                           @QueryParam("country") String country) throws SQLException {
        if (limit < 1 || limit > config.maxRankingLimit()) {
            throw new IllegalArgumentException("limit: must be between 1 and " + config.maxRankingLimit());
        }
        SubjectKind k = kind(kind);
        Metric m = metricOf(metric);
        LocalDate at = date("asOf", asOf);
        return windowed(() -> figures.ranking(k, m, window, at, limit, country));
    }

    private static Metric metricOf(String metric) {
        try {
            return Metric.parse(metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metric: " + e.getMessage());
        }
    }

    @GET
    @Path("/timeseries")
    public Series timeseries(@QueryParam("kind") String kind, @QueryParam("key") String key,
                             @QueryParam("interval") @DefaultValue("YEAR") String interval,
                             @QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
        SubjectKind k = kind(kind);
        String normalisedKey = keyOf(k, key);
        boolean monthly = switch (interval.toUpperCase(Locale.ROOT)) {
            case "MONTH" -> true;
            case "YEAR" -> false;
            default -> throw new IllegalArgumentException("interval: must be YEAR or MONTH");
        };
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        LocalDate end = t == null ? FiguresService.today() : t;
        LocalDate start = f == null ? (monthly ? end.minusMonths(23) : end.minusYears(24)) : f;
        var points = figures.series(k, normalisedKey, monthly, start, end);
        return new Series(new Figures.Subject(k, normalisedKey, normalisedKey), monthly ? "MONTH" : "YEAR", points);
    }

    @GET
    @Path("/progress")
    public Map<String, Object> progress() throws SQLException {
        return figures.progress();
    }
}
