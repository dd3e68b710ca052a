package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.SubjectKey;

import java.time.LocalDate;

/**
 * The figures of one subject over one window as of a date (null: today, UTC). Equal queries are asked once.
 * {@code breakdown}: also the subject's members' counts, which only explanations of live evaluations need.
 */
public record FigureQuery(SubjectKey subject, String window, LocalDate asOf, boolean breakdown) {

    public FigureQuery(SubjectKey subject, String window, LocalDate asOf) {
        this(subject, window, asOf, false);
    }

    public FigureQuery(SubjectKey subject, String window) {
        this(subject, window, null);
    }

    /** This query with the breakdown asked when its subject has members (GLOBAL, COUNTRY, GROUP). */
    public FigureQuery explained() {
        return new FigureQuery(subject, window, asOf, FigureCounts.hasMembers(subject.kind()));
    }
}
