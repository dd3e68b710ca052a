package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.SubjectKey;

/** The figures of one subject over one window, as of today (UTC). Equal queries are asked once. */
public record FigureQuery(SubjectKey subject, String window) {
}
