package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Figure queries answered in one call ({@code nanopulse.metrics.max-batch-queries}, 1000 by default, at most). */
@Schema(name = "FiguresBatchRequest", description = "Up to 1000 figure queries answered in one call.")
public record FiguresBatchRequest(@Schema(maxItems = 1000, required = true) List<FigureQuery> queries) {
}
