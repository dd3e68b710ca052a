package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of institutions by id; {@code page} counts from 0, {@code total} is the number of institutions. */
@Schema(name = "InstitutionPage", description = "One page of institutions; page counts from 0.")
public record InstitutionPage(List<Institution> items,
                              @Schema(examples = "0") int page,
                              @Schema(examples = "50") int size,
                              @Schema(examples = "3") long total) {
}
