package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.EventType;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retracting patents and deals: exact subtraction, tombstones, idempotence, replay. */
class RetractionLedgerTest {
    private static final LocalDate FILED = LocalDate.of(2024, 3, 18);
    private final PatentLedger ledger = new PatentLedger(new InstitutionResolver(
            List.of(new InstitutionResolver.Alias("cas", "Chinese Academy of Sciences"))));

    private static PatentEvent filed(String eventId, String patentId) {
        return PatentEvent.filed(eventId, patentId, "CN", "Chinese Academy of Sciences", Sector.MATERIALS, FILED, "Beijing");
    }

    private static PatentEvent licence(String eventId, String patentId, LocalDate date) {
        return PatentEvent.deal(EventType.PATENT_LICENSED, eventId, patentId, "BOE", "CN", date);
    }

    private static PatentEvent grant(String eventId, String patentId) {
        return PatentEvent.granted(eventId, patentId, LocalDate.of(2025, 2, 2));
    }

    private static PatentEvent retract(String patentId) {
        return PatentEvent.patentRetracted("r-" + patentId, patentId, "sent by mistake");
    }

    private static PatentEvent retractDeal(String patentId, String dealEventId) {
        return PatentEvent.dealRetracted("rd-" + dealEventId, patentId, dealEventId, "cancelled");
    }

    /** Applies batches in order, carrying state as the database would and summing every counter delta. */
    private static final class Db {
        final Map<String, PatentState> states = new HashMap<>();
        final Map<CounterDeltas.Key, long[]> counters = new HashMap<>();
        final List<PatentLedger.Outcome> outcomes = new ArrayList<>();

        PatentLedger.Outcome apply(PatentLedger ledger, List<PatentEvent> batch) {
            var o = ledger.apply(batch, states);
            states.putAll(o.changed());
            o.deltas().asMap().forEach((k, d) -> {
                long[] c = counters.computeIfAbsent(k, x -> new long[3]);
                c[0] += d.filings;
                c[1] += d.licensed;
                c[2] += d.granted;
            });
            outcomes.add(o);
            return o;
        }

        /** {filings, licensed, granted} of a counter, zero where none. */
        long[] counter(SubjectKind kind, String key, CounterDeltas.Grain grain) {
            LocalDate period = grain == CounterDeltas.Grain.M ? FILED.withDayOfMonth(1) : FILED.withDayOfYear(1);
            return counters.getOrDefault(new CounterDeltas.Key(new SubjectKey(kind, key), grain, period), new long[3]);
        }

        /** Every non-zero counter, recomputed from the stored states alone. */
        Map<CounterDeltas.Key, List<Long>> recomputed() {
            var deltas = new CounterDeltas();
            states.values().stream().filter(PatentState::filed)
                    .forEach(s -> deltas.add(s.filing(), 1, s.licensed() ? 1 : 0, s.granted() ? 1 : 0));
            return nonZero(deltas.asMap().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> new long[]{e.getValue().filings, e.getValue().licensed, e.getValue().granted})));
        }

        Map<CounterDeltas.Key, List<Long>> summed() {
            return nonZero(counters);
        }

        private static Map<CounterDeltas.Key, List<Long>> nonZero(Map<CounterDeltas.Key, long[]> counters) {
            var out = new HashMap<CounterDeltas.Key, List<Long>>();
            counters.forEach((k, c) -> {
                if (c[0] != 0 || c[1] != 0 || c[2] != 0) {
                    out.put(k, List.of(c[0], c[1], c[2]));
                }
            });
            return out;
        }
    }

    private static void assertCounter(Db db, SubjectKind kind, String key, long filings, long licensed, long granted) {
        for (CounterDeltas.Grain grain : CounterDeltas.Grain.values()) {
            assertEquals(List.of(filings, licensed, granted), List.of(db.counter(kind, key, grain)[0],
                    db.counter(kind, key, grain)[1], db.counter(kind, key, grain)[2]), kind + " " + key + " " + grain);
        }
    }

    @Test
    void retractingAFiledGrantedLicensedPatentSubtractsEverythingItAdded() {
        var db = new Db();
        db.apply(ledger, List.of(filed("e1", "CN1000A"), grant("g1", "CN1000A"), licence("l1", "CN1000A", FILED),
                licence("l2", "CN1000A", FILED.plusDays(1)), filed("e2", "CN2000A")));
        assertCounter(db, SubjectKind.COUNTRY, "CN", 2, 1, 1);

        var o = db.apply(ledger, List.of(retract("CN1000A")));

        for (var kind : List.of(SubjectKind.GLOBAL, SubjectKind.COUNTRY, SubjectKind.COUNTRY_SECTOR, SubjectKind.CITY)) {
            String key = switch (kind) {
                case GLOBAL -> "";
                case COUNTRY -> "CN";
                case COUNTRY_SECTOR -> "CN/MATERIALS";
                default -> "CN/beijing";
            };
            assertCounter(db, kind, key, 1, 0, 0);
        }
        PatentState tombstone = db.states.get("CN1000A");
        assertTrue(tombstone.retracted());
        assertFalse(tombstone.filed());
        assertFalse(tombstone.licensed());
        assertFalse(tombstone.granted());
        assertEquals(1, o.eventsWithEffect());
        // The change names every subject the patent counted for, institutions included, and its filing day.
        assertTrue(o.deltas().subjects().contains(new SubjectKey(SubjectKind.INSTITUTION, "cas")));
        assertEquals(FILED, o.deltas().fromDay());
        assertEquals(FILED, o.deltas().toDay());
        assertEquals(db.recomputed(), db.summed());
    }

    @Test
    void retractingOneOfTwoDealsKeepsThePatentLicensedAndMovesTheFirstDealDate() {
        var db = new Db();
        db.apply(ledger, List.of(filed("e1", "CN1000A"), licence("l1", "CN1000A", FILED), licence("l2", "CN1000A", FILED.plusDays(9))));
        var o = db.apply(ledger, List.of(retractDeal("CN1000A", "l1")));
        assertTrue(o.deltas().isEmpty(), "still licensed: no figure moves");
        assertTrue(db.states.get("CN1000A").licensed());
        assertEquals(FILED.plusDays(9), db.states.get("CN1000A").firstDealDate());
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 1, 0);

        db.apply(ledger, List.of(retractDeal("CN1000A", "l2")));
        assertFalse(db.states.get("CN1000A").licensed());
        assertNull(db.states.get("CN1000A").firstDealDate());
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 0, 0);
        assertEquals(db.recomputed(), db.summed());
    }

    @Test
    void retractingTheOnlyDealUnlicensesThePatent() {
        var db = new Db();
        db.apply(ledger, List.of(filed("e1", "CN1000A"), licence("l1", "CN1000A", FILED)));
        var o = db.apply(ledger, List.of(retractDeal("CN1000A", "l1")));
        assertEquals(-1, o.deltas().asMap().get(new CounterDeltas.Key(SubjectKey.GLOBAL, CounterDeltas.Grain.Y,
                FILED.withDayOfYear(1))).licensed);
        assertCounter(db, SubjectKind.GLOBAL, "", 1, 0, 0);
        assertEquals(List.of("l1"), db.states.get("CN1000A").retractedDeals());
    }

    @Test
    void aRedeliveredRetractionAndRedeliveredRetractedEventsChangeNothing() {
        var db = new Db();
        var batch = List.of(filed("e1", "CN1000A"), licence("l1", "CN1000A", FILED), filed("e2", "CN2000A"),
                licence("l2", "CN2000A", FILED));
        db.apply(ledger, batch);
        db.apply(ledger, List.of(retract("CN1000A"), retractDeal("CN2000A", "l2")));
        Map<String, PatentState> after = new HashMap<>(db.states);
        var again = db.apply(ledger, List.of(retract("CN1000A"), retractDeal("CN2000A", "l2")));
        var redelivered = db.apply(ledger, batch);
        assertTrue(again.changed().isEmpty() && again.deltas().isEmpty());
        assertTrue(redelivered.changed().isEmpty() && redelivered.deltas().isEmpty());
        assertEquals(after, db.states);
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 0, 0);
    }

    @Test
    void eventsAfterATombstoneAreIgnoredEvenWithNewEventIds() {
        var db = new Db();
        db.apply(ledger, List.of(filed("e1", "CN1000A"), retract("CN1000A")));
        var later = db.apply(ledger, List.of(filed("e9", "CN1000A"), grant("g9", "CN1000A"), licence("l9", "CN1000A", FILED)));
        assertTrue(later.changed().isEmpty());
        assertEquals(0, later.eventsWithEffect());
        assertCounter(db, SubjectKind.GLOBAL, "", 0, 0, 0);
    }

    @Test
    void aRetractedDealArrivingLaterNeverCounts() {
        var db = new Db();
        db.apply(ledger, List.of(filed("e1", "CN1000A"), retractDeal("CN1000A", "l1")));
        db.apply(ledger, List.of(licence("l1", "CN1000A", FILED)));
        assertFalse(db.states.get("CN1000A").licensed());
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 0, 0);
        db.apply(ledger, List.of(licence("l2", "CN1000A", FILED)));
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 1, 0);
    }

    @Test
    void retractingAParkedPatentMovesNoCounterAndItsFilingNeverCounts() {
        var db = new Db();
        db.apply(ledger, List.of(licence("l1", "CN3000A", FILED), grant("g1", "CN3000A")));
        var o = db.apply(ledger, List.of(retract("CN3000A")));
        assertTrue(o.deltas().isEmpty());
        assertTrue(db.states.get("CN3000A").retracted());
        db.apply(ledger, List.of(filed("e3", "CN3000A")));
        assertCounter(db, SubjectKind.GLOBAL, "", 0, 0, 0);
    }

    @Test
    void dealsBeyondTheKeptNumberChangeNothing() {
        var db = new Db();
        var batch = new ArrayList<PatentEvent>();
        batch.add(filed("e1", "CN1000A"));
        for (int i = 0; i <= PatentState.MAX_DEALS; i++) {
            batch.add(licence("l" + i, "CN1000A", FILED));
        }
        db.apply(ledger, batch);
        assertEquals(PatentState.MAX_DEALS, db.states.get("CN1000A").deals().size());
        assertCounter(db, SubjectKind.COUNTRY, "CN", 1, 1, 0);
    }

    /**
     * A property over random streams (filings, grants, deals, resends, retractions of patents and deals, pre-emptive
     * retractions): however the stream is cut into batches and however often batches are redelivered, the counters
     * summed from every delta equal a recomputation from the final states, and the final states equal those of
     * applying the stream in one go (a replay).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void anyStreamCutAnyWayAndRedeliveredEndsInTheReplaysStateWithExactCounters(long seed) {
        Random random = new Random(seed);
        List<PatentEvent> stream = randomStream(random, 600);

        var replay = new Db();
        replay.apply(ledger, stream);

        var live = new Db();
        int i = 0;
        while (i < stream.size()) {
            int end = Math.min(stream.size(), i + 1 + random.nextInt(40));
            List<PatentEvent> batch = stream.subList(i, end);
            live.apply(ledger, batch);
            if (random.nextInt(4) == 0) {
                live.apply(ledger, batch); // redelivered after a crash
            }
            i = end;
        }
        assertEquals(replay.states, live.states);
        assertEquals(live.recomputed(), live.summed());
        assertEquals(replay.recomputed(), replay.summed());
    }

    private static List<PatentEvent> randomStream(Random random, int n) {
        var events = new ArrayList<PatentEvent>();
        String[] countries = {"CN", "US", "JP"};
        for (int k = 0; k < n; k++) {
            String patent = "CN" + (1000 + random.nextInt(40)) + "A";
            String country = countries[random.nextInt(countries.length)];
            LocalDate day = FILED.plusDays(random.nextInt(400));
            int dealNo = random.nextInt(4);
            PatentEvent e = switch (random.nextInt(9)) {
                case 0, 1 -> PatentEvent.filed("f" + k, patent, country, "Inst " + random.nextInt(3),
                        Sector.values()[random.nextInt(3)], day, random.nextBoolean() ? "Beijing" : null);
                case 2 -> grant("g" + k, patent);
                case 3, 4 -> licence(patent + "-l" + dealNo, patent, day);
                case 5 -> retractDeal(patent, patent + "-l" + dealNo);
                case 6 -> random.nextInt(3) == 0 ? retract(patent) : filed("f" + k, patent);
                default -> events.isEmpty() ? filed("f" + k, patent) : events.get(random.nextInt(events.size())); // a resend
            };
            events.add(e);
        }
        return events;
    }
}
