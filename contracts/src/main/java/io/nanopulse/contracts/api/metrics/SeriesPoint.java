package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One year or month of a time series: {@code period} is its first day; {@code share} is filings / globalFilings and
 * {@code licensingRate} licensed / filings, both computed by metrics-service.
 */
@Schema(name = "SeriesPoint", description = "One year or month of a time series.")
public record SeriesPoint(@Schema(examples = "2024-01-01") LocalDate period,
                          @Schema(examples = "120") long filings,
                          @Schema(examples = "400") long globalFilings,
                          Ratio share,
                          @Schema(examples = "9") long licensed,
                          @Schema(examples = "5") long grants,
                          Ratio licensingRate) {
}
