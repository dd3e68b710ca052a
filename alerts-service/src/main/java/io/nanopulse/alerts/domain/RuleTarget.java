package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;

import java.util.UUID;

/** What one rule needs evaluated: the figures to read, and the revision they are read for. */
public record RuleTarget(UUID id, int revision, SubjectKey subject, Metric metric, String window) {

    public FigureQuery query() {
        return new FigureQuery(subject, window);
    }
}
