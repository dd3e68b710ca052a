package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.metrics.application.FiguresSource;
import io.nanopulse.metrics.application.AppliedEvents;
import io.nanopulse.metrics.application.Progress;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.metrics.domain.Breakdown;
import io.nanopulse.metrics.domain.CounterDeltas;
import io.nanopulse.metrics.domain.SplitTotals;
import io.nanopulse.metrics.domain.Totals;
import io.nanopulse.metrics.domain.WindowPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exact window sums: counters for whole months and years, patent rows for the edge days. */
@ApplicationScoped
public class FiguresRepository implements FiguresSource {
    /**
     * Counter rows: the folded counters and the deltas not folded yet, to be summed (a key may be in both).
     * One statement reads both, and a fold moves rows between them in one transaction, so sums are exact.
     */
    private static final String COUNTERS = "(SELECT kind, grain, subject, period, filings, licensed, granted FROM filing_counter"
            + " UNION ALL SELECT kind, grain, subject, period, filings, licensed, granted FROM counter_delta) AS counter";

    @Inject
    DataSource dataSource;

    @Override
    public Totals totals(SubjectKind kind, String key, WindowPlan plan) throws SQLException {
        Map<String, Totals> byKey = sums(kind, key, null, plan);
        return byKey.getOrDefault(key, Totals.ZERO);
    }

    /**
     * What a ranking by a metric orders by (descending), as SQL over the summed columns f (filings), l (licensed),
     * g (granted); a share ranks as filings do, every share having the same denominator.
     */
    static String orderBy(Metric metric) {
        return switch (metric) {
            case FILINGS, SHARE -> "sum(f) DESC";
            case GRANTS -> "sum(g) DESC, sum(f) DESC";
            case LICENSING_RATE -> "sum(l)::float8 / sum(f) DESC, sum(f) DESC";
        };
    }

    /**
     * The top subjects of a kind over a window, ranked inside PostgreSQL (counters and edge days summed in
     * one statement), so only {@code limit} rows leave the database. {@code keyPrefix} (e.g. "CN/") narrows
     * cities or sectors to one country. Ties are broken by subject key.
     */
    @Override
    public Map<String, Totals> top(SubjectKind kind, String keyPrefix, WindowPlan plan, Metric metric, int limit) throws SQLException {
        var parts = new ArrayList<String>();
        var params = new ArrayList<Object>();
        var periods = new ArrayList<String>();
        if (plan.years() != null) {
            periods.add("(grain = 'Y' AND period BETWEEN ? AND ?)");
        }
        for (int i = 0; i < plan.months().size(); i++) {
            periods.add("(grain = 'M' AND period BETWEEN ? AND ?)");
        }
        if (!periods.isEmpty()) {
            parts.add("SELECT subject, filings AS f, licensed AS l, granted AS g FROM " + COUNTERS + " WHERE kind = ?"
                    + (keyPrefix != null ? " AND subject LIKE ?" : "") + " AND (" + String.join(" OR ", periods) + ")");
            params.add((short) kind.ordinal());
            if (keyPrefix != null) params.add(like(keyPrefix));
            if (plan.years() != null) {
                params.add(Date.valueOf(plan.years().from()));
                params.add(Date.valueOf(plan.years().to()));
            }
            for (var m : plan.months()) {
                params.add(Date.valueOf(m.from()));
                params.add(Date.valueOf(m.to()));
            }
        }
        if (!plan.days().isEmpty()) {
            String keyExpr = SubjectSql.keyExpression(kind);
            var ranges = new ArrayList<String>();
            for (var d : plan.days()) {
                ranges.add("filing_date BETWEEN ? AND ?");
                params.add(Date.valueOf(d.from()));
                params.add(Date.valueOf(d.to()));
            }
            // Summed per subject before the union: for kinds without counters the day range is the whole window.
            parts.add("SELECT " + keyExpr + ", count(*), count(first_deal_date), count(grant_date)"
                    + " FROM patent WHERE (" + String.join(" OR ", ranges) + ")"
                    + " AND " + SubjectSql.present(kind) + (keyPrefix != null ? " AND " + keyExpr + " LIKE ?" : "")
                    + " GROUP BY 1");
            if (keyPrefix != null) params.add(like(keyPrefix));
        }
        var out = new LinkedHashMap<String, Totals>();
        if (parts.isEmpty()) return out;
        String sql = "SELECT subject, sum(f), sum(l), sum(g) FROM (" + String.join(" UNION ALL ", parts)
                + ") AS x(subject, f, l, g) GROUP BY subject HAVING sum(f) > 0 ORDER BY " + orderBy(metric) + ", subject LIMIT ?";
        params.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) st.setObject(i + 1, params.get(i));
            try (var rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /**
     * The global totals, one subject's and its members' along a breakdown, in one snapshot: one read-only
     * REPEATABLE READ transaction, so a batch or a fold committing in between is seen by all reads or by none.
     * A group's totals are its members' sum.
     */
    @Override
    public SplitTotals split(SubjectKind kind, String key, Window window, Breakdown breakdown) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Totals global = sums(c, SubjectKind.GLOBAL, "", null, null, WindowPlan.of(window)).getOrDefault("", Totals.ZERO);
                String prefix = breakdown.keyPrefix() == null || breakdown.keyPrefix().isEmpty() ? null : breakdown.keyPrefix();
                Map<String, Totals> members = breakdown.keys() != null && breakdown.keys().isEmpty() ? Map.of()
                        : sums(c, breakdown.memberKind(), null, prefix, breakdown.keys(), WindowPlan.of(breakdown.memberKind(), window));
                Totals subject = switch (kind) {
                    case GLOBAL -> global;
                    case GROUP -> members.values().stream().reduce(Totals.ZERO, Totals::plus);
                    default -> sums(c, kind, key, null, null, WindowPlan.of(kind, window)).getOrDefault(key, Totals.ZERO);
                };
                c.commit();
                return new SplitTotals(global, subject, members);
            } finally {
                if (!c.getAutoCommit()) c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private Map<String, Totals> sums(SubjectKind kind, String key, String keyPrefix, WindowPlan plan) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return sums(c, kind, key, keyPrefix, null, plan);
        }
    }

    /** Sums per subject of one kind: of {@code key}, of keys starting with {@code keyPrefix}, or of {@code keys}. */
    private static Map<String, Totals> sums(Connection c, SubjectKind kind, String key, String keyPrefix, List<String> keys,
                                            WindowPlan plan) throws SQLException {
        var result = new HashMap<String, Totals>();
        var periods = new ArrayList<String>();
        var params = new ArrayList<LocalDate>();
        if (plan.years() != null) {
            periods.add("(grain = 'Y' AND period BETWEEN ? AND ?)");
            params.add(plan.years().from());
            params.add(plan.years().to());
        }
        for (var m : plan.months()) {
            periods.add("(grain = 'M' AND period BETWEEN ? AND ?)");
            params.add(m.from());
            params.add(m.to());
        }
        if (!periods.isEmpty()) {
            String sql = "SELECT subject, sum(filings), sum(licensed), sum(granted) FROM " + COUNTERS + " WHERE kind = ?"
                    + (key != null ? " AND subject = ?" : "")
                    + (keyPrefix != null ? " AND subject LIKE ?" : "")
                    + (keys != null ? " AND subject = ANY(?)" : "")
                    + " AND (" + String.join(" OR ", periods) + ") GROUP BY subject";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setShort(i++, (short) kind.ordinal());
                if (key != null) st.setString(i++, key);
                if (keyPrefix != null) st.setString(i++, like(keyPrefix));
                if (keys != null) st.setArray(i++, c.createArrayOf("text", keys.toArray()));
                for (LocalDate d : params) st.setDate(i++, Date.valueOf(d));
                collect(st, result);
            }
        }
        if (!plan.days().isEmpty()) {
            var ranges = new ArrayList<String>();
            for (int r = 0; r < plan.days().size(); r++) ranges.add("filing_date BETWEEN ? AND ?");
            String keyExpr = SubjectSql.keyExpression(kind);
            String sql = "SELECT " + keyExpr + ", count(*), count(first_deal_date), count(grant_date) FROM patent"
                    + " WHERE (" + String.join(" OR ", ranges) + ") AND " + SubjectSql.present(kind)
                    + (key != null ? " AND " + SubjectSql.filter(kind) : "")
                    + (keyPrefix != null ? " AND " + keyExpr + " LIKE ?" : "")
                    + (keys != null ? " AND " + keyExpr + " = ANY(?)" : "")
                    + " GROUP BY 1";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                for (var d : plan.days()) {
                    st.setDate(i++, Date.valueOf(d.from()));
                    st.setDate(i++, Date.valueOf(d.to()));
                }
                if (key != null && kind != SubjectKind.GLOBAL) st.setString(i++, key);
                if (keyPrefix != null) st.setString(i++, like(keyPrefix));
                if (keys != null) st.setArray(i++, c.createArrayOf("text", keys.toArray()));
                collect(st, result);
            }
        }
        return result;
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void collect(PreparedStatement st, Map<String, Totals> into) throws SQLException {
        try (var rs = st.executeQuery()) {
            while (rs.next()) {
                into.merge(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4)), Totals::plus);
            }
        }
    }

    /** Counters per period ('M' or 'Y') of one subject between two period starts, in order; gaps are zero. */
    @Override
    public Map<LocalDate, Totals> series(SubjectKind kind, String key, char grain, LocalDate from, LocalDate to)
            throws SQLException {
        return series(kind, List.of(key), grain, from, to);
    }

    @Override
    public Totals totals(SubjectKind kind, List<String> keys, WindowPlan plan) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return sums(c, kind, null, null, keys, plan).values().stream().reduce(Totals.ZERO, Totals::plus);
        }
    }

    @Override
    public Map<LocalDate, Totals> series(SubjectKind kind, List<String> keys, char grain, LocalDate from, LocalDate to)
            throws SQLException {
        String[] members = keys.toArray(String[]::new);
        if (!CounterDeltas.counted(kind)) {
            // The same periods summed from the subjects' patent rows (kinds without counters).
            boolean monthly = grain == 'M';
            return periods("SELECT date_trunc('" + (monthly ? "month" : "year") + "', filing_date)::date, count(*),"
                            + " count(first_deal_date), count(grant_date) FROM patent WHERE " + SubjectSql.keyExpression(kind)
                            + " = ANY(?) AND filing_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1",
                    members, Date.valueOf(from), Date.valueOf((monthly ? to.plusMonths(1) : to.plusYears(1)).minusDays(1)));
        }
        return periods("SELECT period, sum(filings), sum(licensed), sum(granted) FROM " + COUNTERS
                        + " WHERE kind = ? AND grain = ? AND subject = ANY(?) AND period BETWEEN ? AND ? GROUP BY period ORDER BY period",
                (short) kind.ordinal(), String.valueOf(grain), members, Date.valueOf(from), Date.valueOf(to));
    }

    /**
     * Groups ranked in one statement: each group's members' rows joined through {@code subject_group_member}, country
     * groups from counters and edge days, institution groups from patent rows (a patent has one country and one
     * holder, so distinct members never count it twice).
     */
    @Override
    public Map<String, Totals> topGroups(Window window, Metric metric, int limit, String visibleTo) throws SQLException {
        var parts = new ArrayList<String>();
        var params = new ArrayList<Object>();
        String countryGroups = " JOIN subject_group g ON g.name = m.group_name AND g.member_kind = "
                + SubjectKind.COUNTRY.ordinal();
        WindowPlan plan = WindowPlan.of(SubjectKind.COUNTRY, window);
        var periods = new ArrayList<String>();
        if (plan.years() != null) {
            periods.add("(grain = 'Y' AND period BETWEEN ? AND ?)");
            params.add(Date.valueOf(plan.years().from()));
            params.add(Date.valueOf(plan.years().to()));
        }
        for (var m : plan.months()) {
            periods.add("(grain = 'M' AND period BETWEEN ? AND ?)");
            params.add(Date.valueOf(m.from()));
            params.add(Date.valueOf(m.to()));
        }
        if (!periods.isEmpty()) {
            parts.add("SELECT m.group_name, filings, licensed, granted FROM " + COUNTERS
                    + " JOIN subject_group_member m ON m.member_key = counter.subject" + countryGroups
                    + " WHERE counter.kind = " + SubjectKind.COUNTRY.ordinal() + " AND (" + String.join(" OR ", periods) + ")");
        }
        if (!plan.days().isEmpty()) {
            parts.add(patentRows("country", countryGroups, plan.days(), params));
        }
        WindowPlan holders = WindowPlan.of(SubjectKind.INSTITUTION, window);
        if (!holders.days().isEmpty()) {
            parts.add(patentRows("institution_id", " JOIN subject_group g ON g.name = m.group_name AND g.member_kind = "
                    + SubjectKind.INSTITUTION.ordinal(), holders.days(), params));
        }
        var out = new LinkedHashMap<String, Totals>();
        if (parts.isEmpty()) return out;
        String visible = "";
        if (visibleTo != null) {
            visible = " WHERE subject IN (SELECT g.name FROM subject_group g WHERE " + JdbcGroupStore.VISIBLE + ")";
            params.add(visibleTo);
        }
        String sql = "SELECT subject, sum(f), sum(l), sum(g) FROM (" + String.join(" UNION ALL ", parts)
                + ") AS x(subject, f, l, g)" + visible + " GROUP BY subject HAVING sum(f) > 0 ORDER BY " + orderBy(metric)
                + ", subject LIMIT ?";
        params.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) st.setObject(i + 1, params.get(i));
            try (var rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /** Patent rows in day ranges per group whose members match {@code column}. */
    private static String patentRows(String column, String groups, List<WindowPlan.DateRange> days, List<Object> params) {
        var ranges = new ArrayList<String>();
        for (var d : days) {
            ranges.add("p.filing_date BETWEEN ? AND ?");
            params.add(Date.valueOf(d.from()));
            params.add(Date.valueOf(d.to()));
        }
        return "SELECT m.group_name, count(*), count(p.first_deal_date), count(p.grant_date) FROM patent p"
                + " JOIN subject_group_member m ON m.member_key = p." + column + groups
                + " WHERE (" + String.join(" OR ", ranges) + ") GROUP BY 1";
    }

    /** Runs a query of (period, filings, licensed, granted) rows. */
    private Map<LocalDate, Totals> periods(String sql, Object... params) throws SQLException {
        var out = new LinkedHashMap<LocalDate, Totals>();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getDate(1).toLocalDate(), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    /** Display names: canonical institutions by their name, other holders by a raw name seen for them. */
    @Override
    public Map<String, String> institutionNames(List<String> ids) throws SQLException {
        var names = new HashMap<String, String>();
        if (ids.isEmpty()) return names;
        try (Connection c = dataSource.getConnection()) {
            try (var st = c.prepareStatement("SELECT id, display_name FROM institution WHERE id = ANY(?)")) {
                st.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (var rs = st.executeQuery()) {
                    while (rs.next()) names.put(rs.getString(1), rs.getString(2));
                }
            }
            var rest = ids.stream().filter(id -> !names.containsKey(id)).toArray();
            if (rest.length > 0) {
                // A holder no alias names is identified by its folded name: its patents have institution_id = key.
                try (var st = c.prepareStatement("SELECT DISTINCT ON (institution_id) institution_id, institution_raw"
                        + " FROM patent WHERE institution_id = ANY(?) AND filing_date IS NOT NULL"
                        + " ORDER BY institution_id, institution_raw")) {
                    st.setArray(1, c.createArrayOf("text", rest));
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return names;
    }

    @Override
    public Progress progress() throws SQLException {
        // One statement, so one snapshot: a fold moving deltas into the counters in between cannot make
        // patents count twice or not at all. Filed patents are the global yearly counters' sum (counting the
        // patent rows would read them all); counter_delta is scanned once for its share and its size.
        try (Connection c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("""
                     SELECT p.events_applied, p.events_effective, p.dead_lettered, p.last_applied_at,
                            (SELECT coalesce(sum(filings), 0) FROM filing_counter WHERE kind = %1$d AND grain = 'Y') + d.patents,
                            (SELECT count(*) FROM patent WHERE filing_date IS NULL AND retracted_by IS NULL),
                            (SELECT count(*) FROM metric_change_outbox WHERE published_at IS NULL),
                            d.unfolded
                     FROM ingest_progress p,
                          (SELECT coalesce(sum(filings) FILTER (WHERE kind = %1$d AND grain = 'Y'), 0) AS patents,
                                  count(*) AS unfolded FROM counter_delta) d
                     WHERE p.id = 1""".formatted(SubjectKind.GLOBAL.ordinal()))) {
            rs.next();
            var ts = rs.getObject(4, OffsetDateTime.class);
            return new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), ts == null ? null : ts.toInstant().toString(),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
        }
    }

    @Override
    public AppliedEvents appliedEvents() throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("""
                     SELECT events_applied, events_effective, dead_lettered, last_applied_at
                     FROM ingest_progress WHERE id = 1""")) {
            rs.next();
            var ts = rs.getObject(4, OffsetDateTime.class);
            return new AppliedEvents(rs.getLong(1), rs.getLong(2), rs.getLong(3), ts == null ? null : ts.toInstant().toString());
        }
    }
}
