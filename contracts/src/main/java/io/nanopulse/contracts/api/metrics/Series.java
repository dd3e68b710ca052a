package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A subject's figures per year or month, every period of the range present (periods without filings are zero). */
@Schema(name = "Series", description = "A subject's figures per period (at most 1200 points).")
public record Series(Subject subject,
                     @Schema(examples = "YEAR", enumeration = {"YEAR", "MONTH"}) String interval,
                     List<SeriesPoint> points) {
}
