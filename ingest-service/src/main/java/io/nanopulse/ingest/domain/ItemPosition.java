package io.nanopulse.ingest.domain;

import io.nanopulse.contracts.FieldError;

/** How a request numbers its items in error reports. */
public enum ItemPosition {
    /** 0-based position in a JSON array (a single object is index 0). */
    INDEX,
    /** 1-based line of an NDJSON or CSV body. */
    LINE;

    /** The validator's verdict on one field, placed at the item it belongs to. */
    public FieldError place(FieldError error, long position, String eventId) {
        return this == INDEX ? error.atIndex(position, eventId) : error.atLine(position, eventId);
    }

    /** An item refused as a whole, at its position. */
    public FieldError error(long position, String eventId, String field, String reason) {
        return this == INDEX
                ? new FieldError(position, null, eventId, field, reason)
                : new FieldError(null, position, eventId, field, reason);
    }
}
