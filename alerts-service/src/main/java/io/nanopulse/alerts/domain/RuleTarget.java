package io.nanopulse.alerts.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What one rule needs evaluated: its definition, and the revision the figures are read for. */
public record RuleTarget(UUID id, int revision, RuleDefinition definition) {

    /**
     * The figures and ranking a live evaluation reads as of {@code asOf}: {@link RuleEvaluation#reads}, with the
     * breakdown its explanation names contributors from ({@link FigureQuery#explained}).
     */
    public Reads reads(LocalDate asOf) {
        Reads reads = RuleEvaluation.reads(definition, asOf);
        return new Reads(reads.figures().stream().map(FigureQuery::explained).toList(), reads.ranking());
    }
}
