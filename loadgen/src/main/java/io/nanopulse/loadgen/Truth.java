package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the platform accepted, kept apart from the platform's own code, and the aggregates that must
 * follow from it: a patent counts once, from its first accepted filing; licensed and granted once each.
 */
final class Truth implements Sender.Outcomes {
    private final Corpus corpus;
    /** 0 = not filed, 1 = filed by its original event, 2 = first filed by a re-filing (other holder). */
    private final byte[] filedBy;
    private final boolean[] licensed;
    private final boolean[] granted;
    long accepted;
    long rejected;
    long invalidSent;

    Truth(Corpus corpus) {
        this.corpus = corpus;
        filedBy = new byte[corpus.patents];
        licensed = new boolean[corpus.patents];
        granted = new boolean[corpus.patents];
    }

    /** Which events of a request were refused (each listed error), the others accepted. */
    @Override
    public void answered(List<Event> part, JsonNode result, Sender.Mode mode) {
        Set<Integer> refused = new HashSet<>();
        for (JsonNode error : result.path("errors")) {
            int position = mode == Sender.Mode.JSON ? error.path("index").asInt() : error.path("line").asInt() - 1;
            refused.add(position);
        }
        long rejected = result.path("rejected").asLong();
        if (result.path("errorsTruncated").asBoolean(false) || refused.size() != rejected) {
            throw new IllegalStateException("cannot tell which events were refused: " + rejected + " rejected, "
                    + refused.size() + " listed; use smaller chunks");
        }
        for (int i = 0; i < part.size(); i++) {
            if (refused.contains(i)) rejected(part.get(i));
            else accepted(part.get(i));
        }
    }

    synchronized void accepted(Event e) {
        accepted++;
        switch (e.kind()) {
            case FILED -> { if (filedBy[e.patent()] == 0) filedBy[e.patent()] = 1; }
            case REFILED -> { if (filedBy[e.patent()] == 0) filedBy[e.patent()] = 2; }
            case DEAL -> licensed[e.patent()] = true;
            case GRANTED -> granted[e.patent()] = true;
            case INVALID -> throw new IllegalStateException("the platform accepted an invalid record: " + e.json());
            case RAW -> throw new IllegalStateException("not an event of the corpus: " + e.json());
        }
    }

    synchronized void rejected(Event e) {
        rejected++;
        if (e.valid()) throw new IllegalStateException("the platform refused a valid event: " + e.json());
    }

    /** filings, licensed, grants. */
    record Counts(long filings, long licensed, long grants) {
        double licensingRate() {
            return filings == 0 ? 0 : (double) licensed / filings;
        }
    }

    private static final class Acc {
        long f, l, g;

        Counts counts() {
            return new Counts(f, l, g);
        }
    }

    /** Expected aggregates for the ALL window (asOf today), per country, holder and year. */
    synchronized Map<String, Object> expected() {
        Acc global = new Acc();
        Map<String, Acc> countries = new TreeMap<>();
        Map<String, Acc> holders = new LinkedHashMap<>();
        Map<Integer, Acc> years = new TreeMap<>();
        Map<Integer, Acc> cnYears = new TreeMap<>();
        for (var h : Calibration.HOLDERS) holders.put(h.id(), new Acc());
        for (int p = 0; p < corpus.patents; p++) {
            if (filedBy[p] == 0) continue;
            String cc = corpus.countryCodes[corpus.country[p]];
            int year = corpus.filingDate(p).getYear();
            Acc[] targets = {global, countries.computeIfAbsent(cc, k -> new Acc()), years.computeIfAbsent(year, k -> new Acc()),
                    cc.equals("CN") ? cnYears.computeIfAbsent(year, k -> new Acc()) : null,
                    filedBy[p] == 1 && corpus.holder[p] >= 0 ? holders.get(Calibration.HOLDERS.get(corpus.holder[p]).id()) : null};
            for (Acc a : targets) {
                if (a == null) continue;
                a.f++;
                if (licensed[p]) a.l++;
                if (granted[p]) a.g++;
            }
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("seed", corpus.seed);
        out.put("scale", corpus.scale);
        out.put("eventsAccepted", accepted);
        out.put("eventsRejected", rejected);
        out.put("global", global.counts());
        var c = new LinkedHashMap<String, Counts>();
        countries.forEach((k, v) -> c.put(k, v.counts()));
        out.put("countries", c);
        var h = new LinkedHashMap<String, Counts>();
        holders.forEach((k, v) -> h.put(k, v.counts()));
        out.put("holders", h);
        var y = new LinkedHashMap<String, Counts>();
        years.forEach((k, v) -> y.put(k.toString(), v.counts()));
        out.put("years", y);
        var cy = new LinkedHashMap<String, Counts>();
        cnYears.forEach((k, v) -> cy.put(k.toString(), v.counts()));
        out.put("cnYears", cy);
        return out;
    }
}
