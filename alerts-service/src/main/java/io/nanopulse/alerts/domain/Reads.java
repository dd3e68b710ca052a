package io.nanopulse.alerts.domain;

import java.util.List;

/** What evaluating a rule reads from metrics-service: figures (in this order) and at most one ranking. */
public record Reads(List<FigureQuery> figures, RankingQuery ranking) {

    public Reads {
        figures = List.copyOf(figures);
    }
}
