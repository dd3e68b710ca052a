package io.nanopulse.loadgen;

/**
 * One generated event: its JSON line and what the truth keeper needs to know about it.
 *
 * @param patent  ordinal of the patent (index into the corpus), or -1 for invalid records
 * @param holder  index of the corpus holder the filing belongs to (-1 for other kinds)
 * @param valid   false for the deliberately invalid records the platform must refuse
 */
record Event(String json, Kind kind, int patent, boolean valid) {
    enum Kind { FILED, REFILED, GRANTED, DEAL, INVALID }
}
