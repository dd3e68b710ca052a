package io.nanopulse.metrics.service;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.metrics.persistence.FiguresRepository;
import io.nanopulse.metrics.persistence.Totals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers figure, ranking and time-series questions, exactly, for any window and asOf. */
@ApplicationScoped
public class FiguresService {
    @Inject
    FiguresRepository repository;

    public record SeriesPoint(LocalDate period, long filings, long globalFilings, Ratio share, long licensed, long grants) {
    }

    public record Ranking(SubjectKind kind, Metric metric, Figures.WindowView window, LocalDate asOf, long globalFilings,
                          List<Figures> entries) {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Canonical form of a subject key; rejects keys that cannot exist. */
    public static String normaliseKey(SubjectKind kind, String key) {
        String k = key == null ? "" : key.strip();
        switch (kind) {
            case GLOBAL -> {
                return "";
            }
            case COUNTRY -> {
                String cc = k.toUpperCase(Locale.ROOT);
                if (!EventValidator.isCountry(cc)) throw new IllegalArgumentException("key must be an ISO 3166-1 alpha-2 country");
                return cc;
            }
            case INSTITUTION -> {
                if (k.isEmpty() || k.length() > 512) throw new IllegalArgumentException("key must be an institution id or name");
                return Names.key(k);
            }
            case COUNTRY_SECTOR, CITY -> {
                int slash = k.indexOf('/');
                if (slash != 2) throw new IllegalArgumentException("key must look like CN/" + (kind == SubjectKind.CITY ? "Shanghai" : "SEMICONDUCTORS"));
                String cc = normaliseKey(SubjectKind.COUNTRY, k.substring(0, 2));
                String rest = k.substring(3);
                if (kind == SubjectKind.COUNTRY_SECTOR) {
                    try {
                        return cc + "/" + Sector.valueOf(rest.strip().toUpperCase(Locale.ROOT)).name();
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown sector '" + rest + "'");
                    }
                }
                if (rest.isBlank() || rest.length() > 512) throw new IllegalArgumentException("city must not be blank");
                return cc + "/" + Names.key(rest);
            }
            default -> throw new IllegalArgumentException("unknown kind");
        }
    }

    public Figures figures(SubjectKind kind, String rawKey, String windowSpec, LocalDate asOf) throws SQLException {
        String key = normaliseKey(kind, rawKey);
        Window window = Window.parse(windowSpec, asOf == null ? today() : asOf);
        WindowPlan plan = WindowPlan.of(window);
        Totals global = repository.totals(SubjectKind.GLOBAL, "", plan);
        Totals subject = kind == SubjectKind.GLOBAL ? global : repository.totals(kind, key, WindowPlan.of(kind, window));
        String name = kind == SubjectKind.INSTITUTION ? repository.institutionNames(List.of(key)).getOrDefault(key, key) : key;
        return toFigures(kind, key, name, window, subject, global);
    }

    private static Figures toFigures(SubjectKind kind, String key, String name, Window window, Totals subject, Totals global) {
        return new Figures(new Figures.Subject(kind, key, name), Figures.WindowView.of(window), window.asOf(),
                subject.filings(), subject.granted(), subject.licensed(),
                Ratio.of(subject.filings(), global.filings()), Ratio.of(subject.licensed(), subject.filings()));
    }

    private record RankingQuery(SubjectKind kind, Metric metric, String window, LocalDate asOf, int limit, String country) {
    }

    private ResultCache<RankingQuery, Ranking> rankings;

    @Inject
    void configure(io.nanopulse.metrics.config.MetricsConfig config) {
        rankings = new ResultCache<>(config.rankingCache().ttl(), config.rankingCache().maximumSize());
    }

    void onAggregatesChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                             AggregatesChanged event) {
        rankings.invalidate();
    }

    /** A ranking, reused while the aggregates it was computed from are unchanged (see ResultCache). */
    public Ranking ranking(SubjectKind kind, Metric metric, String windowSpec, LocalDate asOf, int limit, String country)
            throws SQLException {
        LocalDate at = asOf == null ? today() : asOf;
        try {
            return rankings.get(new RankingQuery(kind, metric, windowSpec, at, limit, country),
                    q -> computeRanking(q.kind(), q.metric(), q.window(), q.asOf(), q.limit(), q.country()));
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Ranking computeRanking(SubjectKind kind, Metric metric, String windowSpec, LocalDate asOf, int limit, String country)
            throws SQLException {
        if (kind == SubjectKind.GLOBAL) throw new IllegalArgumentException("kind GLOBAL has nothing to rank");
        Window window = Window.parse(windowSpec, asOf == null ? today() : asOf);
        WindowPlan plan = WindowPlan.of(window);
        String prefix = null;
        if (country != null && !country.isBlank()) {
            if (kind != SubjectKind.CITY && kind != SubjectKind.COUNTRY_SECTOR) {
                throw new IllegalArgumentException("country narrows only CITY and COUNTRY_SECTOR rankings");
            }
            prefix = normaliseKey(SubjectKind.COUNTRY, country) + "/";
        }
        Totals global = repository.totals(SubjectKind.GLOBAL, "", plan);
        Map<String, Totals> ranked = repository.top(kind, prefix, WindowPlan.of(kind, window), metric.order(), limit);
        List<Figures> top = new ArrayList<>(ranked.size());
        ranked.forEach((key, totals) -> top.add(toFigures(kind, key, key, window, totals, global)));
        if (kind == SubjectKind.INSTITUTION) {
            Map<String, String> names = repository.institutionNames(top.stream().map(f -> f.subject().key()).toList());
            return new Ranking(kind, metric, Figures.WindowView.of(window), window.asOf(), global.filings(), top.stream().map(f -> new Figures(new Figures.Subject(kind, f.subject().key(),
                    names.getOrDefault(f.subject().key(), f.subject().key())), f.window(), f.asOf(), f.filings(),
                    f.grants(), f.licensed(), f.share(), f.licensingRate())).toList());
        }
        return new Ranking(kind, metric, Figures.WindowView.of(window), window.asOf(), global.filings(), List.copyOf(top));
    }

    /** Yearly or monthly points between two dates, rounded out to whole periods. */
    public List<SeriesPoint> series(SubjectKind kind, String rawKey, boolean monthly, LocalDate from, LocalDate to)
            throws SQLException {
        String key = normaliseKey(kind, rawKey);
        if (from.isAfter(to)) throw new IllegalArgumentException("from is after to");
        LocalDate start = monthly ? from.withDayOfMonth(1) : from.withDayOfYear(1);
        LocalDate end = monthly ? to.withDayOfMonth(1) : to.withDayOfYear(1);
        long points = monthly ? java.time.temporal.ChronoUnit.MONTHS.between(start, end) + 1
                : java.time.temporal.ChronoUnit.YEARS.between(start, end) + 1;
        if (points > 1200) throw new IllegalArgumentException("at most 1200 points per series");
        char grain = monthly ? 'M' : 'Y';
        Map<LocalDate, Totals> subject = repository.series(kind, key, grain, start, end);
        Map<LocalDate, Totals> global = kind == SubjectKind.GLOBAL ? subject : repository.series(SubjectKind.GLOBAL, "", grain, start, end);
        var out = new ArrayList<SeriesPoint>();
        var merged = new LinkedHashMap<LocalDate, Boolean>();
        for (LocalDate p = start; !p.isAfter(end); p = monthly ? p.plusMonths(1) : p.plusYears(1)) {
            merged.put(p, true);
        }
        for (LocalDate p : merged.keySet()) {
            Totals s = subject.getOrDefault(p, Totals.ZERO);
            Totals g = global.getOrDefault(p, Totals.ZERO);
            out.add(new SeriesPoint(p, s.filings(), g.filings(), Ratio.of(s.filings(), g.filings()), s.licensed(), s.granted()));
        }
        return out;
    }

    public Map<String, Object> progress() throws SQLException {
        return repository.progress();
    }
}
