package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What the platform answered to a file's events, added up, with the first refusals placed in the file. */
final class Tally implements Sender.Outcomes {
    static final int ERRORS_KEPT = 20;

    long accepted;
    long rejected;
    long duplicates;
    final List<String> errors = new ArrayList<>();

    @Override
    public synchronized void answered(List<Event> part, JsonNode result, Sender.Mode mode) {
        accepted += result.path("accepted").asLong();
        rejected += result.path("rejected").asLong();
        duplicates += result.path("duplicates").asLong();
        for (JsonNode error : result.path("errors")) {
            if (errors.size() >= ERRORS_KEPT) break;
            String where = switch (mode) {
                case JSON -> "item " + position(part, error.path("index").asInt());
                case NDJSON -> "line " + position(part, error.path("line").asInt() - 1);
                case CSV -> "line " + csvLine(part, error.path("line").asLong());
            };
            String eventId = error.hasNonNull("eventId") ? " (eventId " + error.path("eventId").asText() + ")" : "";
            errors.add(where + eventId + ": " + error.path("field").asText() + " " + error.path("reason").asText());
        }
    }

    private static String position(List<Event> part, int i) {
        return i >= 0 && i < part.size() ? Integer.toString(part.get(i).patent()) : "?";
    }

    /** The file line of the row that starts at {@code bodyLine} of a request (its header is line 1). */
    private static String csvLine(List<Event> part, long bodyLine) {
        long start = 2;
        for (Event e : part) {
            if (start == bodyLine) return Integer.toString(e.patent());
            start += 1 + e.json().chars().filter(c -> c == '\n').count();
        }
        return "?";
    }
}
