package io.nanopulse.contracts.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.contracts.api.Dates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One query of a figures batch, with the parameters of {@code GET /figures} (window blank means ALL), and
 * optionally {@code breakdown}: also split the figures among the subject's members (see {@link Figures#contributions()}).
 */
@Schema(name = "FigureQuery", description = "One query of a batch.")
public record FigureQuery(@Schema(examples = "COUNTRY", required = true) String kind,
                          @Schema(examples = "CN") String key,
                          @Schema(examples = "P12M") String window,
                          @Schema(examples = "2025-06-01", description = "ISO date " + Dates.RANGE) String asOf,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(examples = "true", nullable = true,
                                  description = "true: also answer the subject's members, read in the same snapshot as the"
                                          + " figures (`contributions`): GLOBAL's countries, a COUNTRY's sectors (COUNTRY_SECTOR),"
                                          + " a GROUP's members. Other subjects have no breakdown (400).")
                          Boolean breakdown) {

    /** A query without a breakdown. */
    public FigureQuery(String kind, String key, String window, String asOf) {
        this(kind, key, window, asOf, null);
    }
}
