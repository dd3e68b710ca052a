package io.nanopulse.ingest.service;

/** How a request numbers its items in error reports. */
public enum ItemPosition {
    /** 0-based position in a JSON array (a single object is index 0). */
    INDEX,
    /** 1-based line of an NDJSON or CSV body. */
    LINE;

    ItemError error(long position, String eventId, String field, String reason) {
        return this == INDEX
                ? new ItemError(position, null, eventId, field, reason)
                : new ItemError(null, position, eventId, field, reason);
    }
}
