package io.nanopulse.metrics.service;

import io.nanopulse.contracts.SubjectKind;

import java.time.LocalDate;

/** One subject's figures over one window, with the window and asOf they were computed for. */
public record Figures(Subject subject, WindowView window, LocalDate asOf, long filings, long grants, long licensed,
                      Ratio share, Ratio licensingRate) {

    public record Subject(SubjectKind kind, String key, String name) {
    }

    public record WindowView(String spec, LocalDate from, LocalDate to) {
        public static WindowView of(Window w) {
            return new WindowView(w.spec(), w.from(), w.to());
        }
    }
}
