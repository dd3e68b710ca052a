package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name or glob pattern (with {@code *}) that rolls raw institution names up to an institution. */
@Schema(name = "Alias", description = "A name or glob pattern (with *) belonging to an institution.")
public record Alias(@Schema(examples = "7") long id,
                    @Schema(examples = "Chinese Academy of Sciences*") String pattern) {
}
