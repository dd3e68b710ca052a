package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An institution after a change, and how many stored patents the change moved to or from it. */
@Schema(name = "InstitutionChange", description = "An institution after a change, and how many patents moved to or from it.")
public record InstitutionChange(Institution institution,
                                @Schema(examples = "42") int patentsReassigned) {
}
