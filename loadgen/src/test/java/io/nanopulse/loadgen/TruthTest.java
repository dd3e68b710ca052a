package io.nanopulse.loadgen;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TruthTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Truth.Counts> group(Map<String, Object> expected, String name) {
        return (Map<String, Truth.Counts>) expected.get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoCorporaOnOnePlatformAddUpCountByCount() {
        Map<String, Object> a = LoadGen.stats(new Corpus(7, 0.01));
        Map<String, Object> b = LoadGen.stats(new Corpus(42, 0.02));
        Map<String, Object> both = Truth.plus(a, b);

        Truth.Counts ga = (Truth.Counts) a.get("global");
        Truth.Counts gb = (Truth.Counts) b.get("global");
        Truth.Counts g = (Truth.Counts) both.get("global");
        assertEquals(ga.filings() + gb.filings(), g.filings());
        assertEquals(ga.licensed() + gb.licensed(), g.licensed());
        assertEquals(ga.grants() + gb.grants(), g.grants());
        assertEquals((long) a.get("eventsAccepted") + (long) b.get("eventsAccepted"), both.get("eventsAccepted"));

        for (String name : new String[]{"countries", "holders", "years", "cnYears"}) {
            var keys = new HashSet<>(group(a, name).keySet());
            keys.addAll(group(b, name).keySet());
            assertEquals(keys, group(both, name).keySet(), name);
            for (String k : keys) {
                Truth.Counts x = group(a, name).getOrDefault(k, new Truth.Counts(0, 0, 0));
                Truth.Counts y = group(b, name).getOrDefault(k, new Truth.Counts(0, 0, 0));
                assertEquals(new Truth.Counts(x.filings() + y.filings(), x.licensed() + y.licensed(), x.grants() + y.grants()),
                        group(both, name).get(k), name + " " + k);
            }
        }
    }
}
