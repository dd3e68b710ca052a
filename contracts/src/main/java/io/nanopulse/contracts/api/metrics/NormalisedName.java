package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A raw name and the key form it compares in ({@link io.nanopulse.contracts.api.SubjectKey#nameKey}). */
@Schema(name = "NormalisedName", description = "The key form a raw name compares in.")
public record NormalisedName(@Schema(examples = "Chinese Academy of Sciences") String name,
                             @Schema(examples = "chinese academy of sciences") String key) {
}
