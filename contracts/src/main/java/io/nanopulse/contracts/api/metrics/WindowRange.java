package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.api.Window;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The filing-date window a figure was computed for: its canonical spec and its first and last day (inclusive). */
@Schema(name = "WindowRange", description = "The filing-date window a figure was computed for (inclusive).")
public record WindowRange(@Schema(examples = "P12M") String spec,
                          @Schema(examples = "2024-06-02") LocalDate from,
                          @Schema(examples = "2025-06-01") LocalDate to) {

    public static WindowRange of(Window window) {
        return new WindowRange(window.spec(), window.from(), window.to());
    }
}
