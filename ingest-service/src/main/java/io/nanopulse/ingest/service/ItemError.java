package io.nanopulse.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Why one item of a request was refused. Exactly one of {@code index} (0-based position in a JSON
 * array) or {@code line} (1-based line of an NDJSON or CSV body) is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "line", "eventId", "field", "reason"})
public record ItemError(Long index, Long line, String eventId, String field, String reason) {
}
