package io.nanopulse.metrics.api;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.QueryParams;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.contracts.api.metrics.FigureQuery;
import io.nanopulse.contracts.api.metrics.Figures;
import io.nanopulse.contracts.api.metrics.FiguresBatch;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.api.metrics.Ranking;
import io.nanopulse.contracts.api.metrics.Series;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.metrics.application.AppliedEvents;
import io.nanopulse.metrics.application.FiguresQueries;
import io.nanopulse.metrics.application.GroupAdmin;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    @Context
    ContainerRequestContext request;

    /** The caller, as groups see it. */
    private GroupAdmin.Viewer viewer() {
        return GroupsResource.viewer(request);
    }

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
        return QueryParams.date(field, raw);
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
        return figures.figures(subject, window(window, at), viewer());
    }

    @GET
    @Path("/global")
    public Figures global(@QueryParam("window") @DefaultValue("ALL") String window, @QueryParam("asOf") String asOf)
            throws SQLException {
        LocalDate at = date("asOf", asOf);
        return figures.figures(SubjectKey.GLOBAL, window(window, at), viewer());
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
        for (int i = 0; i < request.queries().size(); i++) {
            FigureQuery q = request.queries().get(i);
            if (q == null) throw ProblemException.invalid("queries[" + i + "]", "is required");
            try {
                out.add(Boolean.TRUE.equals(q.breakdown()) ? brokenDown(q)
                        : figures(q.kind(), q.key(), q.window() == null ? "ALL" : q.window(), q.asOf()));
            } catch (ProblemException e) {
                throw inQuery(i, e);
            }
        }
        return new FiguresBatch(out);
    }

    /** A batch query's figures with its members' contributions. */
    private Figures brokenDown(FigureQuery q) throws SQLException {
        SubjectKey subject = subject(kind(q.kind()), q.key());
        return figures.brokenDown(subject, window(q.window() == null ? "ALL" : q.window(), date("asOf", q.asOf())), viewer());
    }

    /** A query's refusal under its place in the batch ({@code queries[3].asOf}). */
    private static ProblemException inQuery(int index, ProblemException e) {
        var errors = e.problem().errors();
        if (e.problem().field() == null || errors == null || errors.size() != 1) return e;
        String field = "queries[" + index + "]." + e.problem().field();
        String reason = errors.get(0).reason();
        if (e.problem().status() != 400) {
            // An unknown group stays a 404.
            return new ProblemException(Problem.of(ProblemType.forStatus(e.problem().status()), field + ": " + reason)
                    .withField(field).withErrors(List.of(new FieldError(field, reason))));
        }
        return ProblemException.invalid(field, reason);
    }

    @GET
    @Path("/rankings")
    public Ranking rankings(@QueryParam("kind") @DefaultValue("COUNTRY") String kind,
                            @QueryParam("metric") @DefaultValue("filings") String metric,
                            @QueryParam("window") @DefaultValue("ALL") String window,
                            @QueryParam("asOf") String asOf,
                            @QueryParam("limit") String rawLimit,
                            @QueryParam("country") String country) throws SQLException {
        int limit = QueryParams.integer("limit", rawLimit, Math.min(10, config.maxRankingLimit()), 1,
                config.maxRankingLimit());
        SubjectKind k = kind(kind);
        Metric m = metric(metric);
        LocalDate at = date("asOf", asOf);
        Window w = window(window, at);
        String cc = country == null || country.isBlank() ? null : country(country);
        return figures.ranking(k, m, w, limit, cc, viewer());
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
        return figures.series(subject, monthly, start, end, viewer());
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
