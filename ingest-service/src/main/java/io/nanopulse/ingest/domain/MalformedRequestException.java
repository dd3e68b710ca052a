package io.nanopulse.ingest.domain;

import io.nanopulse.contracts.api.ingest.IngestResult;

/**
 * The request as a whole cannot be read (not JSON, too large, too many items, a CSV without the expected
 * header). Nothing of it was published unless {@code accepted} says otherwise (a stream that broke midway:
 * the events before the break are durable).
 */
public class MalformedRequestException extends RuntimeException {

    public enum Kind { MALFORMED_JSON, EMPTY_BODY, BODY_TOO_LARGE, TOO_MANY_EVENTS, MALFORMED_CSV, BAD_CSV_HEADER }

    private final Kind kind;
    private final String field;
    private final Long line;
    private final IngestResult partial;

    public MalformedRequestException(Kind kind, String detail, String field, Long line, IngestResult partial) {
        super(detail);
        this.kind = kind;
        this.field = field;
        this.line = line;
        this.partial = partial;
    }

    public MalformedRequestException(Kind kind, String detail, String field) {
        this(kind, detail, field, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON pointer-like location or header column at fault, when known. */
    public String field() {
        return field;
    }

    public Long line() {
        return line;
    }

    /** Counts of a streamed request that broke after publishing some events; null otherwise. */
    public IngestResult partial() {
        return partial;
    }

    public MalformedRequestException withPartial(IngestResult result) {
        return new MalformedRequestException(kind, getMessage(), field, line, result);
    }
}
