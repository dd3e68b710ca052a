package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An institution to create: its id ({@code [a-z0-9][a-z0-9-]{1,63}}), display name, country and first aliases. */
@Schema(name = "NewInstitution", description = "An institution to create.")
public record NewInstitution(@Schema(examples = "cas", required = true) String id,
                             @Schema(examples = "Chinese Academy of Sciences", required = true) String displayName,
                             @Schema(examples = "CN", required = true) String country,
                             @Schema(examples = "[\"Chinese Academy of Sciences*\"]") List<String> aliases) {
}
