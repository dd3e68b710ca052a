package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the caller's silences; {@code page} counts from 0. */
@Schema(name = "SilencePage", description = "One page of the caller's silences.")
public record SilencePage(List<Silence> items, int page, int size, long totalItems) {
}
