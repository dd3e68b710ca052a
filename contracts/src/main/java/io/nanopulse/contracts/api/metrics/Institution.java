package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A canonical institution (a holder that aliases roll raw names up to) and its aliases, oldest first. */
@Schema(name = "Institution", description = "A canonical institution and its aliases.")
public record Institution(@Schema(examples = "cas") String id,
                          @Schema(examples = "Chinese Academy of Sciences") String displayName,
                          @Schema(examples = "CN") String country,
                          List<Alias> aliases) {
}
