package io.nanopulse.metrics.application;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.contracts.api.metrics.Figures;
import io.nanopulse.contracts.api.metrics.Ranking;
import io.nanopulse.contracts.api.metrics.Ratio;
import io.nanopulse.contracts.api.metrics.Series;
import io.nanopulse.contracts.api.metrics.SeriesPoint;
import io.nanopulse.contracts.api.metrics.Subject;
import io.nanopulse.contracts.api.metrics.WindowRange;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.metrics.config.MetricsConfig;
import io.nanopulse.metrics.domain.Totals;
import io.nanopulse.metrics.domain.WindowPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers figure, ranking and time-series questions, exactly, for any window and asOf. */
@ApplicationScoped
public class FiguresQueries {
    /** Most points one series may have. */
    static final int MAX_SERIES_POINTS = 1200;

    @Inject
    FiguresSource source;

    private record RankingQuery(SubjectKind kind, Metric metric, Window window, int limit, String country) {
    }

    private ResultCache<RankingQuery, Ranking> rankings;

    @Inject
    void configure(MetricsConfig config) {
        rankings = new ResultCache<>(config.rankingCache().ttl(), config.rankingCache().maximumSize());
    }

    void onAggregatesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AggregatesChanged event) {
        rankings.invalidate();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Figures figures(SubjectKey subject, Window window) throws SQLException {
        SubjectKind kind = subject.kind();
        String key = subject.key();
        Totals global = source.totals(SubjectKind.GLOBAL, "", WindowPlan.of(window));
        Totals totals = kind == SubjectKind.GLOBAL ? global : source.totals(kind, key, WindowPlan.of(kind, window));
        String name = kind == SubjectKind.INSTITUTION ? source.institutionNames(List.of(key)).getOrDefault(key, key) : key;
        return toFigures(kind, key, name, window, totals, global);
    }

    private static Figures toFigures(SubjectKind kind, String key, String name, Window window, Totals subject, Totals global) {
        return new Figures(new Subject(kind, key, name), WindowRange.of(window), window.asOf(),
                subject.filings(), subject.granted(), subject.licensed(),
                Ratio.of(subject.filings(), global.filings()), Ratio.of(subject.licensed(), subject.filings()));
    }

    /**
     * The top {@code limit} subjects of a kind, reused while the aggregates it was computed from are unchanged
     * (see ResultCache). {@code country} (a country code, or null) narrows CITY and COUNTRY_SECTOR rankings.
     */
    public Ranking ranking(SubjectKind kind, Metric metric, Window window, int limit, String country) throws SQLException {
        if (kind == SubjectKind.GLOBAL) {
            throw ProblemException.invalid("kind", "GLOBAL has nothing to rank");
        }
        if (country != null && kind != SubjectKind.CITY && kind != SubjectKind.COUNTRY_SECTOR) {
            throw ProblemException.invalid("country", "narrows only CITY and COUNTRY_SECTOR rankings");
        }
        try {
            return rankings.get(new RankingQuery(kind, metric, window, limit, country),
                    q -> computeRanking(q.kind(), q.metric(), q.window(), q.limit(), q.country()));
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Ranking computeRanking(SubjectKind kind, Metric metric, Window window, int limit, String country)
            throws SQLException {
        String prefix = country == null ? null : country + "/";
        Totals global = source.totals(SubjectKind.GLOBAL, "", WindowPlan.of(window));
        Map<String, Totals> ranked = source.top(kind, prefix, WindowPlan.of(kind, window), metric, limit);
        List<Figures> top = new ArrayList<>(ranked.size());
        ranked.forEach((key, totals) -> top.add(toFigures(kind, key, key, window, totals, global)));
        if (kind == SubjectKind.INSTITUTION) {
            Map<String, String> names = source.institutionNames(top.stream().map(f -> f.subject().key()).toList());
            return new Ranking(kind, metric, WindowRange.of(window), window.asOf(), global.filings(), top.stream().map(f -> new Figures(new Subject(kind, f.subject().key(),
                    names.getOrDefault(f.subject().key(), f.subject().key())), f.window(), f.asOf(), f.filings(),
                    f.grants(), f.licensed(), f.share(), f.licensingRate())).toList());
        }
        return new Ranking(kind, metric, WindowRange.of(window), window.asOf(), global.filings(), List.copyOf(top));
    }

    /** Yearly or monthly points between two dates, rounded out to whole periods. */
    public Series series(SubjectKey subject, boolean monthly, LocalDate from, LocalDate to) throws SQLException {
        SubjectKind kind = subject.kind();
        String key = subject.key();
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "is after to");
        }
        LocalDate start = monthly ? from.withDayOfMonth(1) : from.withDayOfYear(1);
        LocalDate end = monthly ? to.withDayOfMonth(1) : to.withDayOfYear(1);
        long points = monthly ? ChronoUnit.MONTHS.between(start, end) + 1 : ChronoUnit.YEARS.between(start, end) + 1;
        if (points > MAX_SERIES_POINTS) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST,
                    "at most " + MAX_SERIES_POINTS + " points per series"));
        }
        char grain = monthly ? 'M' : 'Y';
        Map<LocalDate, Totals> totals = source.series(kind, key, grain, start, end);
        Map<LocalDate, Totals> global = kind == SubjectKind.GLOBAL ? totals : source.series(SubjectKind.GLOBAL, "", grain, start, end);
        var out = new ArrayList<SeriesPoint>();
        var merged = new LinkedHashMap<LocalDate, Boolean>();
        for (LocalDate p = start; !p.isAfter(end); p = monthly ? p.plusMonths(1) : p.plusYears(1)) {
            merged.put(p, true);
        }
        for (LocalDate p : merged.keySet()) {
            Totals s = totals.getOrDefault(p, Totals.ZERO);
            Totals g = global.getOrDefault(p, Totals.ZERO);
            out.add(new SeriesPoint(p, s.filings(), g.filings(), Ratio.of(s.filings(), g.filings()), s.licensed(), s.granted()));
        }
        return new Series(new Subject(kind, key, key), monthly ? "MONTH" : "YEAR", out);
    }

    public Progress progress() throws SQLException {
        return source.progress();
    }

    public AppliedEvents appliedEvents() throws SQLException {
        return source.appliedEvents();
    }
}
