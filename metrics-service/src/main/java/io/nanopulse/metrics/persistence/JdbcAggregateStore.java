package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.metrics.application.AggregateStore;
import io.nanopulse.metrics.domain.CounterDeltas;
import io.nanopulse.metrics.domain.InstitutionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes counters from the stored patents (admin rebuild), and re-resolves every patent's holder after an
 * alias change (institutions keep no counters: their figures are read from the patent rows). Runs in the caller's
 * transaction, under the exclusive aggregate lock.
 */
@ApplicationScoped
public class JdbcAggregateStore implements AggregateStore {
    @Inject
    DataSource dataSource;

    /** Re-resolves every stored institution name (each patent's holder). Returns patents moved. */
    @Override
    public int reassignInstitutions(InstitutionResolver resolver) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            var keys = new ArrayList<String>();
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT DISTINCT institution_key FROM patent WHERE institution_key IS NOT NULL")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            List<String> ids = keys.stream().map(resolver::resolve).toList();
            int moved;
            try (var st = c.prepareStatement("""
                    UPDATE patent p SET institution_id = u.id
                    FROM unnest(?::text[], ?::text[]) AS u(k, id)
                    WHERE p.institution_key = u.k AND p.institution_id IS DISTINCT FROM u.id""")) {
                st.setArray(1, c.createArrayOf("text", keys.toArray()));
                st.setArray(2, c.createArrayOf("text", ids.toArray()));
                moved = st.executeUpdate();
            }
            return moved; // no counters to recompute: institution figures are read from the patent rows
        }
    }

    /** Recomputes every counter of every kind from the patents. */
    @Override
    public void rebuildCounters() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (SubjectKind kind : SubjectKind.values()) {
                if (CounterDeltas.counted(kind)) {
                    rebuild(c, kind);
                }
            }
        }
    }

    private static void rebuild(Connection c, SubjectKind kind) throws SQLException {
        for (String table : List.of("counter_delta", "filing_counter")) {
            try (var del = c.prepareStatement("DELETE FROM " + table + " WHERE kind = ?")) {
                del.setShort(1, (short) kind.ordinal());
                del.executeUpdate();
            }
        }
        String key = SubjectSql.keyExpression(kind);
        try (var ins = c.prepareStatement("""
                INSERT INTO filing_counter (kind, grain, subject, period, filings, licensed, granted)
                SELECT ?, g.grain, %s,
                       (CASE g.grain WHEN 'M' THEN date_trunc('month', filing_date) ELSE date_trunc('year', filing_date) END)::date,
                       count(*), count(first_deal_date), count(grant_date)
                FROM patent CROSS JOIN (VALUES ('M'), ('Y')) AS g(grain)
                WHERE filing_date IS NOT NULL AND %s
                GROUP BY 2, 3, 4""".formatted(key, SubjectSql.present(kind)))) {
            ins.setShort(1, (short) kind.ordinal());
            ins.executeUpdate();
        }
    }
}
