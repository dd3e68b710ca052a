package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many stored patents moved back to their own names when an institution was deleted. */
@Schema(name = "Reassigned", description = "How many patents moved when an institution was deleted.")
public record Reassigned(@Schema(examples = "42") int patentsReassigned) {
}
