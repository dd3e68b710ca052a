package io.nanopulse.metrics.application;

import io.nanopulse.contracts.EventType;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Sector;
import io.nanopulse.metrics.domain.CounterDeltas;
import io.nanopulse.metrics.domain.InstitutionResolver;
import io.nanopulse.metrics.domain.PatentLedger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchPartsTest {
    /** A shuffled batch: filings, resends, grants and deals (some before their filing) over 300 patents. */
    private static List<PatentEvent> batch() {
        var random = new Random(7);
        var events = new ArrayList<PatentEvent>();
        for (int i = 0; i < 2_000; i++) {
            String patent = "CN" + (100_000 + random.nextInt(300)) + "A";
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
            events.add(switch (random.nextInt(4)) {
                case 0, 1 -> PatentEvent.filed("f" + i, patent, "CN", "Holder " + random.nextInt(40), Sector.MATERIALS, day, "Beijing");
                case 2 -> PatentEvent.granted("g" + i, patent, day);
                default -> PatentEvent.deal(EventType.PATENT_LICENSED, "d" + i, patent, "BOE", "CN", day);
            });
        }
        return events;
    }

    @Test
    void partsHoldEveryEventOnceAndEachPatentInOnePartInOrder() {
        List<PatentEvent> events = batch();
        List<List<PatentEvent>> parts = BatchParts.split(events, 3);
        assertEquals(3, parts.size());
        assertEquals(events.size(), parts.stream().mapToInt(List::size).sum());
        var seen = new HashMap<String, Integer>();
        for (int p = 0; p < parts.size(); p++) {
            assertTrue(parts.get(p).size() > 0, "part " + p + " is empty");
            for (PatentEvent e : parts.get(p)) {
                Integer before = seen.put(e.patentId(), p);
                assertTrue(before == null || before == p, e.patentId() + " is in two parts");
            }
            // Within a part, events keep the batch's order.
            var positions = parts.get(p).stream().map(events::indexOf).toList();
            for (int i = 1; i < positions.size(); i++) {
                assertTrue(positions.get(i - 1) < positions.get(i));
            }
        }
        assertEquals(new HashSet<>(events.stream().map(PatentEvent::patentId).toList()), seen.keySet());
    }

    @Test
    void partsAppliedApartAddUpToTheWholeBatch() {
        var ledger = new PatentLedger(new InstitutionResolver(List.of()));
        List<PatentEvent> events = batch();
        var whole = ledger.apply(events, Map.of());
        var sum = new HashMap<CounterDeltas.Key, List<Long>>();
        int changed = 0;
        for (List<PatentEvent> part : BatchParts.split(events, 2)) {
            var outcome = ledger.apply(part, Map.of());
            changed += outcome.changed().size();
            outcome.deltas().asMap().forEach((k, d) -> sum.merge(k, List.of(d.filings, d.licensed, d.granted),
                    (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1), a.get(2) + b.get(2))));
        }
        var expected = new HashMap<CounterDeltas.Key, List<Long>>();
        whole.deltas().asMap().forEach((k, d) -> expected.put(k, List.of(d.filings, d.licensed, d.granted)));
        assertEquals(expected, sum);
        assertEquals(whole.changed().size(), changed);
    }
}
