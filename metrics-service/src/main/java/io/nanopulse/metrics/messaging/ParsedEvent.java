package io.nanopulse.metrics.messaging;

import io.nanopulse.contracts.PatentEvent;

/**
 * One {@code patent-events} record as read: a valid event, or the record's text with why it cannot be
 * applied (the first failing field and every reason) for the dead-letter topic.
 */
public record ParsedEvent(PatentEvent event, String raw, String field, String reason) {

    public static ParsedEvent valid(PatentEvent event) {
        return new ParsedEvent(event, null, null, null);
    }

    public static ParsedEvent invalid(String raw, String field, String reason) {
        return new ParsedEvent(null, raw, field, reason);
    }

    public boolean isValid() {
        return event != null;
    }
}
