package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The top subjects of a kind by a metric over a window, best first (ties by subject key); subjects without
 * filings in the window are left out. {@code globalFilings} is the denominator of every entry's share.
 */
@Schema(name = "Ranking", description = "Top subjects of a kind by a metric (the list is bounded by limit).")
public record Ranking(@Schema(examples = "COUNTRY") SubjectKind kind,
                      @Schema(examples = "SHARE") Metric metric,
                      WindowRange window,
                      @Schema(examples = "2025-06-01") LocalDate asOf,
                      @Schema(examples = "456") long globalFilings,
                      List<Figures> entries) {
}
