package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.api.Dates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One query of a figures batch, with the parameters of {@code GET /figures} (window blank means ALL). */
@Schema(name = "FigureQuery", description = "One query of a batch.")
public record FigureQuery(@Schema(examples = "COUNTRY", required = true) String kind,
                          @Schema(examples = "CN") String key,
                          @Schema(examples = "P12M") String window,
                          @Schema(examples = "2025-06-01", description = "ISO date " + Dates.RANGE) String asOf) {
}
