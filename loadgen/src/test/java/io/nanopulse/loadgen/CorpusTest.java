package io.nanopulse.loadgen;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusTest {
    private static byte[] digest(Corpus corpus) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        corpus.stream(block -> block.forEach(e -> md.update(e.json().getBytes())));
        return md.digest();
    }

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() throws Exception {
        assertArrayEquals(digest(new Corpus(7, 0.02)), digest(new Corpus(7, 0.02)));
        assertFalse(java.util.Arrays.equals(digest(new Corpus(7, 0.02)), digest(new Corpus(8, 0.02))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reproducesThePublishedFiguresAtAnyScale() {
        for (double scale : new double[]{0.05, 0.2}) {
            Map<String, Object> s = LoadGen.stats(new Corpus(42, scale));
            var global = (Truth.Counts) s.get("global");
            var countries = (Map<String, Truth.Counts>) s.get("countries");
            var holders = (Map<String, Truth.Counts>) s.get("holders");
            assertEquals(Math.round(1_078_000 * scale), global.filings());
            double cnShare = (double) countries.get("CN").filings() / global.filings();
            assertEquals(0.43, cnShare, 0.005, "China holds about 43%");
            assertTrue(countries.get("CN").filings() > countries.get("US").filings() + countries.get("JP").filings()
                    + countries.get("KR").filings(), "more than the US, Japan and Korea together");
            assertEquals(Math.round(23_400 * scale), holders.get("cas").filings());
            holders.forEach((id, c) -> assertTrue(id.equals("cas") || c.filings() < holders.get("cas").filings(), id + " above CAS"));
            double rate = countries.get("CN").licensingRate();
            assertTrue(rate > 0.08 && rate < 0.09, "CN licensing rate just over 8%: " + rate);
        }
    }

    @Test
    void validEventsPassTheContractAndInvalidOnesDoNot() {
        var validator = new EventValidator();
        var counts = new HashMap<Event.Kind, Integer>();
        var eventIds = new HashSet<String>();
        var resends = new int[1];
        new Corpus(3, 0.02).stream(block -> block.forEach(e -> {
            try {
                var result = validator.validate(Json.mapper().readTree(e.json()));
                assertEquals(e.valid(), result.isValid(), e.json() + " " + result.errors());
                if (result.isValid() && !eventIds.add(result.event().eventId())) resends[0]++;
            } catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
            counts.merge(e.kind(), 1, Integer::sum);
        }));
        for (Event.Kind k : Event.Kind.values()) {
            if (k != Event.Kind.RAW) assertTrue(counts.getOrDefault(k, 0) > 0, "stream has " + k); // RAW: events read from files
        }
        assertTrue(resends[0] > 0, "stream resends some events with the same eventId");
    }
}
