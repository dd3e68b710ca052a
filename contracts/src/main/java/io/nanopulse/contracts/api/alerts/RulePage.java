package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the caller's rules; {@code page} counts from 0. */
@Schema(name = "RulePage", description = "One page of the caller's rules.")
public record RulePage(List<Rule> items, int page, int size, long totalItems) {
}
