package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.SubjectKey;

import java.util.List;

/**
 * A ranking as metrics-service orders it: best first, ties by subject key; subjects without filings in the window
 * are left out.
 */
public record Standings(List<Entry> entries) {

    /** One place: a subject and its value of the ranked metric (null: no data). */
    public record Entry(SubjectKey subject, Double value) {
    }

    public Standings {
        entries = List.copyOf(entries);
    }

    /** The 1-based place of {@code subject}, or 0 when it is not among the entries. */
    public int positionOf(SubjectKey subject) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).subject().equals(subject)) {
                return i + 1;
            }
        }
        return 0;
    }

    public Entry entryOf(SubjectKey subject) {
        int p = positionOf(subject);
        return p == 0 ? null : entries.get(p - 1);
    }
}
