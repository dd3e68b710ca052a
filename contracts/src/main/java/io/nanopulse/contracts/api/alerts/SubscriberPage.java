package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the caller's subscribers; {@code page} counts from 0. */
@Schema(name = "SubscriberPage", description = "One page of the caller's subscribers.")
public record SubscriberPage(List<Subscriber> items, @Schema(examples = "0") int page, @Schema(examples = "50") int size,
                             @Schema(examples = "1") long totalItems) {
}
