package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.Sector;
import io.nanopulse.metrics.application.PatentStore;
import io.nanopulse.metrics.domain.CounterDeltas;
import io.nanopulse.metrics.domain.Filing;
import io.nanopulse.metrics.domain.PatentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Batch reads and writes of patents and counters. Each call is one SQL statement over arrays
 * ({@code unnest}), so a batch of thousands of events costs a handful of round trips. Must run inside
 * the caller's transaction.
 */
@ApplicationScoped
public class JdbcPatentStore implements PatentStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "patent_id, filed_event_id, country, institution_raw, institution_key, "
            + "institution_id, sector, city, city_key, filing_date, grant_date, first_deal_date, deals, retracted_deals, "
            + "retracted_by";

    @Inject
    DataSource dataSource;

    /**
     * Locks the stored rows of these patents, in patent id order, and returns their states. Patents not
     * stored yet are absent; {@link #saveStates} inserts them and fails if another instance did first.
     */
    @Override
    public Map<String, PatentState> lockStates(Collection<String> patentIds) throws SQLException {
        // Locked in the ORDER BY's order; PostgreSQL sorts the array for the index scan itself.
        String[] ids = new HashSet<>(patentIds).toArray(String[]::new);
        var states = new HashMap<String, PatentState>(ids.length * 2);
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM patent WHERE patent_id = ANY(?::varchar[]) ORDER BY patent_id FOR UPDATE")) {
            st.setArray(1, c.createArrayOf("varchar", ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    PatentState s = read(rs);
                    states.put(s.patentId(), s);
                }
            }
        }
        return states;
    }

    private static PatentState read(ResultSet rs) throws SQLException {
        LocalDate filingDate = date(rs, "filing_date");
        Filing filing = filingDate == null ? null : new Filing(rs.getString("filed_event_id"), rs.getString("country"),
                rs.getString("institution_raw"), rs.getString("institution_key"), rs.getString("institution_id"),
                Sector.valueOf(rs.getString("sector")), rs.getString("city"), rs.getString("city_key"), filingDate);
        return new PatentState(rs.getString("patent_id"), filing, date(rs, "grant_date"),
                DealColumns.deals(rs.getString("deals"), date(rs, "first_deal_date")),
                DealColumns.eventIds(rs.getString("retracted_deals")), rs.getString("retracted_by"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** Raised when a patent this batch saw as new was inserted meanwhile by another instance: retry the batch. */
    public static final class ConcurrentInsertException extends RuntimeException {
        ConcurrentInsertException(SQLException cause) {
            super("a patent this batch saw as new was inserted meanwhile by another instance", cause);
        }
    }

    /**
     * Writes changed states: new patents by one COPY (the fast path of a back-fill), known ones by one
     * multi-row update. Throws {@link ConcurrentInsertException} (rolling the batch back) if a "new"
     * patent already exists, so the retry locks and re-reads it.
     */
    @Override
    public void saveStates(Collection<PatentState> states, java.util.Set<String> known) throws SQLException {
        var inserts = new java.util.ArrayList<PatentState>();
        var updates = new java.util.ArrayList<PatentState>();
        for (PatentState s : states) {
            (known.contains(s.patentId()) ? updates : inserts).add(s);
        }
        // One global order for unique-key waits between concurrent instances.
        inserts.sort(java.util.Comparator.comparing(PatentState::patentId));
        try (Connection c = dataSource.getConnection()) {
            if (!inserts.isEmpty()) {
                var rows = new CopyRows(inserts.size(), 256);
                for (PatentState s : inserts) {
                    addColumns(rows, s);
                }
                try {
                    rows.copyInto(c, "patent (" + COLUMNS + ")");
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new ConcurrentInsertException(e);
                    }
                    throw e;
                }
            }
            if (!updates.isEmpty()) {
                try (var st = c.prepareStatement("""
                        UPDATE patent p SET filed_event_id = u.eid, country = u.country, institution_raw = u.iraw,
                               institution_key = u.ikey, institution_id = u.iid, sector = u.sector, city = u.city,
                               city_key = u.ckey, filing_date = u.fdate::date, grant_date = u.gdate::date,
                               first_deal_date = u.ddate::date, deals = u.deals::jsonb,
                               retracted_deals = u.rdeals::jsonb, retracted_by = u.rby, updated_at = now()
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS u(id, eid, country, iraw, ikey, iid, sector, city, ckey, fdate, gdate, ddate, deals, rdeals, rby)
                        WHERE p.patent_id = u.id""")) {
                    bindColumns(c, st, updates);
                    st.executeUpdate();
                }
            }
        }
    }

    private static void bindColumns(Connection c, java.sql.PreparedStatement st, java.util.List<PatentState> states)
            throws SQLException {
        int n = states.size();
        String[][] cols = new String[15][n];
        for (int i = 0; i < n; i++) {
            String[] values = columns(states.get(i));
            for (int col = 0; col < values.length; col++) {
                cols[col][i] = values[col];
            }
        }
        for (int col = 0; col < cols.length; col++) {
            st.setArray(col + 1, c.createArrayOf("text", cols[col]));
        }
    }

    /** A state's row in {@link #COLUMNS} order, written straight into the COPY text (no per-row strings). */
    private static void addColumns(CopyRows rows, PatentState s) {
        Filing f = s.filing();
        rows.add(s.patentId());
        if (f == null) {
            for (int i = 0; i < 9; i++) {
                rows.add((Object) null);
            }
        } else {
            rows.add(f.eventId()).add(f.country()).add(f.institutionRaw()).add(f.institutionKey()).add(f.institutionId())
                    .add(f.sector().name()).add(f.city()).add(f.cityKey()).add(f.filingDate());
        }
        rows.add(s.grantDate()).add(s.firstDealDate()).add(DealColumns.deals(s.deals()))
                .add(DealColumns.eventIds(s.retractedDeals())).add(s.retractedBy()).end();
    }

    /** A state's values in {@link #COLUMNS} order, as text (dates ISO); null for a parked patent's filing. */
    private static String[] columns(PatentState s) {
        Filing f = s.filing();
        return new String[] {s.patentId(),
                f == null ? null : f.eventId(),
                f == null ? null : f.country(),
                f == null ? null : f.institutionRaw(),
                f == null ? null : f.institutionKey(),
                f == null ? null : f.institutionId(),
                f == null ? null : f.sector().name(),
                f == null ? null : f.city(),
                f == null ? null : f.cityKey(),
                f == null ? null : f.filingDate().toString(),
                s.grantDate() == null ? null : s.grantDate().toString(),
                s.firstDealDate() == null ? null : s.firstDealDate().toString(),
                DealColumns.deals(s.deals()),
                DealColumns.eventIds(s.retractedDeals()),
                s.retractedBy()};
    }

    /**
     * Appends the batch's counter deltas to {@code counter_delta} (one COPY, no locks taken: additive deltas
     * commute); {@link JdbcCounterStore#foldDeltas} later moves them into the counters.
     */
    @Override
    public long addCounters(CounterDeltas deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return 0;
        }
        var rows = new CopyRows(deltas.asMap().size(), 64);
        for (var e : deltas.asMap().entrySet()) {
            CounterDeltas.Delta d = e.getValue();
            if (d.isZero()) {
                continue;
            }
            CounterDeltas.Key k = e.getKey();
            rows.add(k.subject().kind().ordinal()).add(k.grain().name()).add(k.subject().key()).add(k.period())
                    .add(d.filings).add(d.licensed).add(d.granted).end();
        }
        try (Connection c = dataSource.getConnection()) {
            return rows.copyInto(c, "counter_delta (kind, grain, subject, period, filings, licensed, granted)");
        }
    }

    /** Records the batch in the running totals operators read. */
    @Override
    public void recordProgress(int applied, int effective, int deadLettered) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("""
                     UPDATE ingest_progress SET events_applied = events_applied + ?,
                            events_effective = events_effective + ?, dead_lettered = dead_lettered + ?,
                            last_applied_at = now() WHERE id = 1""")) {
            st.setLong(1, applied);
            st.setLong(2, effective);
            st.setLong(3, deadLettered);
            st.executeUpdate();
        }
    }
}
