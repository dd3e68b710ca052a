package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a full rebuild of the aggregates from the stored patents, and how long it took. */
@Schema(name = "Rebuilt", description = "Outcome of a full aggregate rebuild.")
public record Rebuilt(@Schema(examples = "true") boolean rebuilt,
                      @Schema(examples = "1234") long millis) {
}
