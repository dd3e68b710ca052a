package io.nanopulse.metrics.api;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.contracts.api.metrics.FigureQuery;
import io.nanopulse.contracts.api.metrics.Figures;
import io.nanopulse.contracts.api.metrics.FiguresBatch;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.api.metrics.Ranking;
import io.nanopulse.contracts.api.metrics.Series;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.metrics.application.AppliedEvents;
import io.nanopulse.metrics.application.FiguresQueries;
import io.nanopulse.metrics.application.Progress;
import io.nanopulse.metrics.config.MetricsConfig;
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
import java.util.Locale;

/**
 * Internal query API: figures, rankings, time series, global totals, progress. Every parameter is read here,
 * and a bad one is refused naming it; the queries get subjects, windows and metrics in the contracts' forms.
 */
@Path("/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    @Inject
    FiguresQueries figures;
    @Inject
    MetricsConfig config;

    static SubjectKind kind(String raw) {
        try {
            return SubjectKind.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", e.getMessage());
        }
    }

    static SubjectKey subject(SubjectKind kind, String key) {
        try {
            return SubjectKey.of(kind, key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("key", e.getMessage());
        }
    }

    static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 date (YYYY-MM-DD)");
        }
    }

    /** The window a spec names at {@code asOf} (today, UTC, when null). */
    static Window window(String spec, LocalDate asOf) {
        try {
            return Window.parse(spec, asOf == null ? FiguresQueries.today() : asOf);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("window", e.getMessage());
        }
    }

    @GET
    @Path("/figures")
    public Figures figures(@QueryParam("kind") String kind, @QueryParam("key") String key,
                           @QueryParam("window") @DefaultValue("ALL") String window, @QueryParam("asOf") String asOf)
            throws SQLException {
        SubjectKey subject = subject(kind(kind), key);
        LocalDate at = date("asOf", asOf);
        return figures.figures(subject, window(window, at));
    }

    @GET
    @Path("/global")
    public Figures global(@QueryParam("window") @DefaultValue("ALL") String window, @QueryParam("asOf") String asOf)
            throws SQLException {
        LocalDate at = date("asOf", asOf);
        return figures.figures(SubjectKey.GLOBAL, window(window, at));
    }

    @POST
    @Path("/figures/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public FiguresBatch batch(FiguresBatchRequest request) throws SQLException {
        if (request == null || request.queries() == null) throw ProblemException.invalid("queries", "is required");
        if (request.queries().size() > config.maxBatchQueries()) {
            throw ProblemException.invalid("queries", "at most " + config.maxBatchQueries() + " per request");
        }
        var out = new ArrayList<Figures>(request.queries().size());
        for (FigureQuery q : request.queries()) {
            out.add(figures(q.kind(), q.key(), q.window() == null ? "ALL" : q.window(), q.asOf()));
        }
        return new FiguresBatch(out);
    }

    @GET
    @Path("/rankings")
    public Ranking rankings(@QueryParam("kind") @DefaultValue("COUNTRY") String kind,
                            @QueryParam("metric") @DefaultValue("filings") String metric,
                            @QueryParam("window") @DefaultValue("ALL") String window,
                            @QueryParam("asOf") String asOf,
                            @QueryParam("limit") @DefaultValue("10") int limit,
                            @QueryParam("country") String country) throws SQLException {
        if (limit < 1 || limit > config.maxRankingLimit()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + config.maxRankingLimit());
        }
        SubjectKind k = kind(kind);
        Metric m = metric(metric);
        LocalDate at = date("asOf", asOf);
        Window w = window(window, at);
        String cc = country == null || country.isBlank() ? null : country(country);
        return figures.ranking(k, m, w, limit, cc);
    }

    private static Metric metric(String metric) {
        try {
            return Metric.parse(metric);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("metric", e.getMessage());
        }
    }

    private static String country(String country) {
        try {
            return SubjectKey.of(SubjectKind.COUNTRY, country).key();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("country", e.getMessage());
        }
    }

    @GET
    @Path("/timeseries")
    public Series timeseries(@QueryParam("kind") String kind, @QueryParam("key") String key,
                             @QueryParam("interval") @DefaultValue("YEAR") String interval,
                             @QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
        SubjectKey subject = subject(kind(kind), key);
        boolean monthly = switch (interval.toUpperCase(Locale.ROOT)) {
            case "MONTH" -> true;
            case "YEAR" -> false;
            default -> throw ProblemException.invalid("interval", "must be YEAR or MONTH");
        };
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        LocalDate end = t == null ? FiguresQueries.today() : t;
        LocalDate start = f == null ? (monthly ? end.minusMonths(23) : end.minusYears(24)) : f;
        return figures.series(subject, monthly, start, end);
    }

    @GET
    @Path("/progress")
    public Progress progress() throws SQLException {
        return figures.progress();
    }

    /** The applied-events counter alone: one row, for polling while a backlog drains. */
    @GET
    @Path("/progress/applied")
    public AppliedEvents appliedEvents() throws SQLException {
        return figures.appliedEvents();
    }
}
