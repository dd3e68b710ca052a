package io.nanopulse.contracts.api.ingest;

import io.nanopulse.contracts.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What ingest-service answers (202) to {@code POST /events} and {@code POST /imports}: {@code accepted} counts
 * only events Kafka acknowledged; {@code rejected} the items that failed validation (listed in {@code errors},
 * the first {@code nanopulse.ingest.max-errors} of them, each with its {@code index} in a JSON array or its
 * {@code line} in an NDJSON or CSV body); {@code duplicates} the valid items whose eventId already came earlier
 * in the same request.
 */
@Schema(name = "IngestResult", description = "What an intake did: accepted events are durable in Kafka.")
public record IngestResult(@Schema(examples = "998") long accepted,
                           @Schema(examples = "1") long rejected,
                           @Schema(examples = "1") long duplicates,
                           List<FieldError> errors,
                           @Schema(examples = "false") boolean errorsTruncated) {
}
