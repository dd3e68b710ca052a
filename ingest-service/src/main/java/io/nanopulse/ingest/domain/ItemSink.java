package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.PatentEvent;

import java.util.function.UnaryOperator;

/**
 * Where a reader hands the items of one request, in body order: each parsed item with its position (0-based
 * index in a JSON array, 1-based line of an NDJSON or CSV body), or the refusal of an item it could not parse.
 */
public interface ItemSink {

    /** One parsed item, to be validated as it is. */
    void offer(long position, JsonNode item);

    /**
     * One parsed item.
     *
     * @param complete applied to the valid event before deduplication (CSV derives its eventId from the
     *                 normalised patentId here)
     */
    void offer(long position, JsonNode item, UnaryOperator<PatentEvent> complete);

    /** An item refused before validation (not JSON, line too long, wrong CSV column count). */
    void reject(long position, String eventId, String field, String reason);
}
