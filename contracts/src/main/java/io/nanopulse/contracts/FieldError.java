package io.nanopulse.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why one field was refused: its name (a JSON path such as {@code subject.kind}) and a human-readable reason.
 * In a request of many items, {@code index} (0-based position in a JSON array) or {@code line} (1-based line
 * of an NDJSON or CSV body) and the item's {@code eventId} say which item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "line", "eventId", "field", "reason"})
@Schema(name = "FieldError", description = "One refused field; in an upload, index or line and eventId name the refused "
        + "event or CSV row.")
public record FieldError(@Schema(examples = "3") Long index,
                         @Schema(examples = "17") Long line,
                         @Schema(examples = "evt-42") String eventId,
                         @Schema(examples = "country") String field,
                         @Schema(examples = "must be an ISO 3166-1 alpha-2 code") String reason) {

    public FieldError(String field, String reason) {
        this(null, null, null, field, reason);
    }

    public FieldError atIndex(long position, String itemEventId) {
        return new FieldError(position, null, itemEventId, field, reason);
    }

    public FieldError atLine(long lineNumber, String itemEventId) {
        return new FieldError(null, lineNumber, itemEventId, field, reason);
    }
}
