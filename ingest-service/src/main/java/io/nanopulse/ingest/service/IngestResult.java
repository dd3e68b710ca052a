package io.nanopulse.ingest.service;

import java.util.List;

/**
 * Outcome of one request: {@code accepted} counts only events Kafka acknowledged; {@code rejected} the
 * items that failed validation (listed in {@code errors}, the first {@code maxErrors} of them);
 * {@code duplicates} the valid items whose eventId already came earlier in the same request.
 */
public record IngestResult(long accepted, long rejected, long duplicates, List<ItemError> errors,
                           boolean errorsTruncated) {
}
