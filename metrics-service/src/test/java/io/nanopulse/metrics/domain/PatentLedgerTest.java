package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.EventType;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatentLedgerTest {
    private static final LocalDate FILED = LocalDate.of(2024, 3, 18);
    private final PatentLedger ledger = new PatentLedger(new InstitutionResolver(
            List.of(new InstitutionResolver.Alias("cas", "Chinese Academy of Sciences"),
                    new InstitutionResolver.Alias("cas", "INST OF * CAS"))));

    private static PatentEvent filed(String eventId, String patentId, String institution) {
        return PatentEvent.filed(eventId, patentId, "CN", institution, Sector.MATERIALS, FILED, "Beijing");
    }

    private static PatentEvent licence(String eventId, String patentId) {
        return PatentEvent.deal(EventType.PATENT_LICENSED, eventId, patentId, "BOE", "CN", LocalDate.of(2025, 1, 1));
    }

    private static CounterDeltas.Delta month(PatentLedger.Outcome o, SubjectKind kind, String key) {
        return o.deltas().asMap().get(new CounterDeltas.Key(new SubjectKey(kind, key), CounterDeltas.Grain.M, FILED.withDayOfMonth(1)));
    }

    /** Applies batches one after another, carrying state as the database would. */
    private static Map<String, PatentState> run(PatentLedger ledger, Map<String, PatentState> db, List<PatentEvent> batch,
                                                List<PatentLedger.Outcome> outcomes) {
        var o = ledger.apply(batch, db);
        db.putAll(o.changed());
        outcomes.add(o);
        return db;
    }

    @Test
    void filingCountsOnceForEverySubjectAndRollsUpTheInstitution() {
        var o = ledger.apply(List.of(filed("e1", "CN1000A", "INST OF PHYSICS  CAS")), Map.of());
        assertEquals(1, month(o, SubjectKind.GLOBAL, "").filings);
        assertEquals(1, month(o, SubjectKind.COUNTRY, "CN").filings);
        assertEquals(1, month(o, SubjectKind.COUNTRY_SECTOR, "CN/MATERIALS").filings);
        assertEquals(1, month(o, SubjectKind.CITY, "CN/beijing").filings);
        // Institutions keep no counters (their figures are read from the patent rows), but the change names them.
        assertEquals(null, month(o, SubjectKind.INSTITUTION, "cas"));
        assertEquals(null, o.deltas().asMap().get(new CounterDeltas.Key(new SubjectKey(SubjectKind.INSTITUTION, "cas"),
                CounterDeltas.Grain.Y, FILED.withDayOfYear(1))));
        assertEquals(1, o.deltas().asMap().get(new CounterDeltas.Key(new SubjectKey(SubjectKind.COUNTRY, "CN"),
                CounterDeltas.Grain.Y, FILED.withDayOfYear(1))).filings);
        assertEquals("cas", o.changed().get("CN1000A").filing().institutionId());
        assertTrue(o.deltas().subjects().contains(new SubjectKey(SubjectKind.INSTITUTION, "cas")));
        assertEquals("INST OF PHYSICS  CAS", o.changed().get("CN1000A").filing().institutionRaw());
    }

    @Test
    void redeliveredAndResentEventsChangeNothing() {
        var db = new HashMap<String, PatentState>();
        var outcomes = new java.util.ArrayList<PatentLedger.Outcome>();
        run(ledger, db, List.of(filed("e1", "CN1000A", "CAS"), licence("l1", "CN1000A")), outcomes);
        run(ledger, db, List.of(filed("e1", "CN1000A", "CAS"), licence("l1", "CN1000A")), outcomes); // redelivery
        run(ledger, db, List.of(filed("e9", "CN1000A", "Other"), licence("l2", "CN1000A")), outcomes); // new ids, same patent
        assertEquals(2, outcomes.get(0).eventsWithEffect());
        assertTrue(outcomes.get(1).deltas().isEmpty());
        assertTrue(outcomes.get(2).deltas().isEmpty());
        assertEquals(0, outcomes.get(2).eventsWithEffect());
    }

    @Test
    void dealBeforeFilingIsParkedThenCounted() {
        var db = new HashMap<String, PatentState>();
        var outcomes = new java.util.ArrayList<PatentLedger.Outcome>();
        run(ledger, db, List.of(licence("l1", "CN2000A")), outcomes);
        assertTrue(outcomes.get(0).deltas().isEmpty(), "nothing counts before the filing");
        assertTrue(db.get("CN2000A").licensed());
        assertFalse(db.get("CN2000A").filed());
        run(ledger, db, List.of(filed("e2", "CN2000A", "CAS")), outcomes);
        var d = month(outcomes.get(1), SubjectKind.COUNTRY, "CN");
        assertEquals(1, d.filings);
        assertEquals(1, d.licensed);
    }

    @Test
    void grantCountsOnceAndGrantWithOwnerFieldsFiles() {
        var grant = new PatentEvent(EventType.PATENT_GRANTED, "g1", "US3000B2", "US", "IBM", Sector.SEMICONDUCTORS, FILED,
                null, null, null, LocalDate.of(2025, 2, 2), null, null, null, null);
        var o = ledger.apply(List.of(grant, PatentEvent.granted("g2", "US3000B2", LocalDate.of(2025, 3, 3))), Map.of());
        var d = month(o, SubjectKind.COUNTRY, "US");
        assertEquals(1, d.filings);
        assertEquals(1, d.granted);
        assertEquals(LocalDate.of(2025, 2, 2), o.changed().get("US3000B2").grantDate());
    }
}
