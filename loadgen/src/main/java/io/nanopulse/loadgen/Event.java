package io.nanopulse.loadgen;

/**
 * One generated event: its JSON line and what the truth keeper needs to know about it.
 *
 * @param patent  ordinal of the patent (index into the corpus), or -1 for invalid records; for an event read
 *                from a file ({@link Kind#RAW}), its line (NDJSON, CSV) or position (JSON array)
 * @param valid   false for the deliberately invalid records the platform must refuse
 */
record Event(String json, Kind kind, int patent, boolean valid) {
    enum Kind { FILED, REFILED, GRANTED, DEAL, INVALID, RAW }

    /** An event read from a file: its JSON (or CSV row) and where it stands in the file. */
    static Event raw(String text, int position) {
        return new Event(text, Kind.RAW, position, true);
    }
}
