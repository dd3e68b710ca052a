package io.nanopulse.contracts.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One subject's exact figures over one window at {@code asOf}: filings in the window, how many of them are
 * granted and licensed, the subject's share of global filings and its licensing rate (licensed / filings).
 * {@code contributions}, only when a batch query asks for it ({@code breakdown}), splits the figures among the subject's
 * members; they are read in the same snapshot, so their filings, grants and licensed add up to the subject's.
 */
@Schema(name = "Figures", description = "One subject's exact figures over one window.")
public record Figures(Subject subject,
                      WindowRange window,
                      @Schema(examples = "2025-06-01") LocalDate asOf,
                      @Schema(examples = "123") long filings,
                      @Schema(examples = "10") long grants,
                      @Schema(examples = "12") long licensed,
                      Ratio share,
                      Ratio licensingRate,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(nullable = true, description = "Only when the batch query asks for a `breakdown`: every member"
                              + " of the subject with filings in the window, most filings first (ties by key); they add up to the"
                              + " subject's filings, grants and licensed exactly.")
                      List<Contribution> contributions) {

    /** Figures without a breakdown. */
    public Figures(Subject subject, WindowRange window, LocalDate asOf, long filings, long grants, long licensed,
                   Ratio share, Ratio licensingRate) {
        this(subject, window, asOf, filings, grants, licensed, share, licensingRate, null);
    }

    /** These figures with the members' contributions. */
    public Figures withContributions(List<Contribution> members) {
        return new Figures(subject, window, asOf, filings, grants, licensed, share, licensingRate, List.copyOf(members));
    }
}
