package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of groups by name; {@code page} counts from 0, {@code total} is the number of groups. */
@Schema(name = "GroupPage", description = "One page of groups by name; page counts from 0.")
public record GroupPage(List<Group> items,
                        @Schema(examples = "0") int page,
                        @Schema(examples = "50") int size,
                        @Schema(examples = "3") long total) {
}
