package io.nanopulse.metrics.application;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.contracts.api.metrics.Contribution;
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
import io.nanopulse.metrics.domain.Breakdown;
import io.nanopulse.metrics.domain.Group;
import io.nanopulse.metrics.domain.SplitTotals;
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
import java.util.Comparator;
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
    @Inject
    GroupAdmin groups;

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

    /** A subject's figures; a GROUP only if {@code viewer} sees it (404 naming {@code key} otherwise). */
    public Figures figures(SubjectKey subject, Window window, GroupAdmin.Viewer viewer) throws SQLException {
        SubjectKind kind = subject.kind();
        String key = subject.key();
        if (kind == SubjectKind.GROUP) {
            // The group's sum and the world's total (its share's denominator) in one snapshot.
            Group group = groups.require(viewer, key);
            SplitTotals split = source.split(kind, key, window, Breakdown.ofGroup(group.memberKind(), group.members()));
            return toFigures(kind, key, key, window, split.subject(), split.global());
        }
        Totals global = source.totals(SubjectKind.GLOBAL, "", WindowPlan.of(window));
        Totals totals = kind == SubjectKind.GLOBAL ? global : source.totals(kind, key, WindowPlan.of(kind, window));
        String name = kind == SubjectKind.INSTITUTION ? source.institutionNames(List.of(key)).getOrDefault(key, key) : key;
        return toFigures(kind, key, name, window, totals, global);
    }

    /**
     * A subject's figures with its members' contributions, all read in one snapshot, so the members add up to the
     * figures exactly. A subject without members is refused naming {@code breakdown}.
     */
    public Figures brokenDown(SubjectKey subject, Window window, GroupAdmin.Viewer viewer) throws SQLException {
        SubjectKind kind = subject.kind();
        Group group = kind == SubjectKind.GROUP ? groups.require(viewer, subject.key()) : null;
        Breakdown breakdown;
        try {
            breakdown = group != null ? Breakdown.ofGroup(group.memberKind(), group.members()) : Breakdown.of(kind, subject.key());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("breakdown", e.getMessage());
        }
        SplitTotals totals = source.split(kind, subject.key(), window, breakdown);
        List<Contribution> members = totals.members().entrySet().stream()
                .filter(m -> m.getValue().filings() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, Totals> m) -> m.getValue().filings()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(m -> new Contribution(breakdown.memberKind(), m.getKey(), m.getValue().filings(),
                        m.getValue().granted(), m.getValue().licensed()))
                .toList();
        return toFigures(kind, subject.key(), subject.key(), window, totals.subject(), totals.global()).withContributions(members);
    }

    private static Figures toFigures(SubjectKind kind, String key, String name, Window window, Totals subject, Totals global) {
        return new Figures(new Subject(kind, key, name), WindowRange.of(window), window.asOf(),
                subject.filings(), subject.granted(), subject.licensed(),
                Ratio.of(subject.filings(), global.filings()), Ratio.of(subject.licensed(), subject.filings()));
    }

    /**
     * The top {@code limit} subjects of a kind, reused while the aggregates it was computed from are unchanged
     * (see ResultCache). {@code country} (a country code, or null) narrows CITY and COUNTRY_SECTOR rankings. A GROUP
     * ranking ranks the groups {@code viewer} sees and is computed afresh each time (what it ranks depends on the viewer).
     */
    public Ranking ranking(SubjectKind kind, Metric metric, Window window, int limit, String country,
                           GroupAdmin.Viewer viewer) throws SQLException {
        if (kind == SubjectKind.GLOBAL) {
            throw ProblemException.invalid("kind", "GLOBAL has nothing to rank");
        }
        if (country != null && kind != SubjectKind.CITY && kind != SubjectKind.COUNTRY_SECTOR) {
            throw ProblemException.invalid("country", "narrows only CITY and COUNTRY_SECTOR rankings");
        }
        if (kind == SubjectKind.GROUP) {
            return computeRanking(kind, metric, window, limit, null, viewer.visibleTo());
        }
        try {
            return rankings.get(new RankingQuery(kind, metric, window, limit, country),
                    q -> computeRanking(q.kind(), q.metric(), q.window(), q.limit(), q.country(), null));
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Ranking computeRanking(SubjectKind kind, Metric metric, Window window, int limit, String country,
                                   String groupsVisibleTo) throws SQLException {
        String prefix = country == null ? null : country + "/";
        Totals global = source.totals(SubjectKind.GLOBAL, "", WindowPlan.of(window));
        Map<String, Totals> ranked = kind == SubjectKind.GROUP ? source.topGroups(window, metric, limit, groupsVisibleTo)
                : source.top(kind, prefix, WindowPlan.of(kind, window), metric, limit);
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
    public Series series(SubjectKey subject, boolean monthly, LocalDate from, LocalDate to, GroupAdmin.Viewer viewer)
            throws SQLException {
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
        Group group = kind == SubjectKind.GROUP ? groups.require(viewer, key) : null;
        Map<LocalDate, Totals> totals = group != null ? source.series(group.memberKind(), group.members(), grain, start, end)
                : source.series(kind, key, grain, start, end);
        Map<LocalDate, Totals> global = kind == SubjectKind.GLOBAL ? totals : source.series(SubjectKind.GLOBAL, "", grain, start, end);
        var out = new ArrayList<SeriesPoint>();
        var merged = new LinkedHashMap<LocalDate, Boolean>();
        for (LocalDate p = start; !p.isAfter(end); p = monthly ? p.plusMonths(1) : p.plusYears(1)) {
            merged.put(p, true);
        }
        for (LocalDate p : merged.keySet()) {
            Totals s = totals.getOrDefault(p, Totals.ZERO);
            Totals g = global.getOrDefault(p, Totals.ZERO);
            out.add(new SeriesPoint(p, s.filings(), g.filings(), Ratio.of(s.filings(), g.filings()), s.licensed(), s.granted(),
                    Ratio.of(s.licensed(), s.filings())));
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
