package io.nanopulse.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.nanopulse.ingest.service.IngestResult;
import io.nanopulse.ingest.service.ItemError;

import java.util.List;

/**
 * An RFC 9457 problem document. Besides the standard members: {@code field} (and {@code line}) name what
 * is wrong; for a stream that failed midway, {@code accepted}/{@code rejected}/{@code duplicates} and
 * {@code errors} report what happened before the failure (accepted events are durable).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "field", "line", "accepted", "rejected", "duplicates",
        "errors", "errorsTruncated"})
public record Problem(String type, String title, int status, String detail, String field, Long line,
                      Long accepted, Long rejected, Long duplicates, List<ItemError> errors, Boolean errorsTruncated) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:nanopulse:problem:";

    public static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, field, null, null, null, null, null, null);
    }

    public Problem at(Long lineNumber) {
        return new Problem(type, title, status, detail, field, lineNumber, accepted, rejected, duplicates, errors,
                errorsTruncated);
    }

    /** Adds the counts of what the request did before it failed; no-op without them. */
    public Problem withPartial(IngestResult partial) {
        if (partial == null) {
            return this;
        }
        return new Problem(type, title, status, detail, field, line, partial.accepted(), partial.rejected(),
                partial.duplicates(), partial.errors().isEmpty() ? null : partial.errors(),
                partial.errorsTruncated() ? Boolean.TRUE : null);
    }
}
