package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answers of a figures batch, one per query, in query order. */
@Schema(name = "FiguresBatch", description = "The answers of a batch, in query order.")
public record FiguresBatch(List<Figures> results) {
}
