package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One subject's exact figures over one window at {@code asOf}: filings in the window, how many of them are
 * granted and licensed, the subject's share of global filings and its licensing rate (licensed / filings).
 */
@Schema(name = "Figures", description = "One subject's exact figures over one window.")
public record Figures(Subject subject,
                      WindowRange window,
                      @Schema(examples = "2025-06-01") LocalDate asOf,
                      @Schema(examples = "123") long filings,
                      @Schema(examples = "10") long grants,
                      @Schema(examples = "12") long licensed,
                      Ratio share,
                      Ratio licensingRate) {
}
