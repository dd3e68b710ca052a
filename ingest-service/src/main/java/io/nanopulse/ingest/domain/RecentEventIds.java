package io.nanopulse.ingest.domain;

import java.util.HashSet;
import java.util.Set;

/**
 * The eventIds seen in one request, to drop exact repeats. Bounded so an endless NDJSON stream keeps a
 * bounded heap: two generations of at most {@code window / 2} ids each, the older dropped when the newer
 * fills, so at least the last {@code window / 2} distinct ids are always remembered. Repeats further apart
 * are published and left to the consumers' own deduplication by eventId.
 */
public final class RecentEventIds {
    private final int generationSize;
    private Set<String> current = new HashSet<>();
    private Set<String> previous = Set.of();

    public RecentEventIds(int window) {
        this.generationSize = Math.max(1, window / 2);
    }

    /** @return false when the id was seen already (a duplicate) */
    public boolean add(String eventId) {
        if (previous.contains(eventId) || !current.add(eventId)) {
            return false;
        }
        if (current.size() >= generationSize) {
            previous = current;
            current = new HashSet<>();
        }
        return true;
    }
}
