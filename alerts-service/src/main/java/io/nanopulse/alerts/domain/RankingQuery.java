package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;

import java.time.LocalDate;

/** The first {@code limit} subjects of a kind by a metric over a window as of a date. Equal queries are asked once. */
public record RankingQuery(SubjectKind kind, Metric metric, String window, LocalDate asOf, int limit) {
}
