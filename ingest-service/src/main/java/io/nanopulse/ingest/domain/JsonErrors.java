package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A short, client-safe description of a JSON syntax error: Jackson's reason and where, never the input. */
final class JsonErrors {
    private static final int MAX_REASON = 200;

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason == null) {
            reason = "syntax error";
        }
        // Jackson quotes the offending token; keep it short so a hostile body is not echoed at length.
        reason = reason.replaceAll("\\s+", " ");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "...";
        }
        JsonLocation loc = e.getLocation();
        return loc == null ? reason : reason + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
