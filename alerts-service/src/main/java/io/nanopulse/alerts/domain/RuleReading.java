package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The counts one evaluation of a rule read, kept until the next one so that its explanation can say what moved:
 * {@code subject} the rule's subject as of {@code asOf}; {@code other} the earlier window of a CHANGE rule or the
 * other subject of a COMPARE rule (null otherwise). {@code revision} is the rule revision they were read for.
 */
public record RuleReading(int revision, Instant observedAt, LocalDate asOf, FigureCounts subject, FigureCounts other) {

    /**
     * The reading of an evaluation from the figures it read, in {@link RuleEvaluation#reads} order (the subject first,
     * then the earlier window or the other subject); null when nothing with counts was read (RANK rules).
     */
    /** Whether {@code last} was read for the same revision with the same counts. */
    public boolean sameCounts(RuleReading last) {
        return last != null && last.revision == revision && java.util.Objects.equals(last.subject, subject)
                && java.util.Objects.equals(last.other, other);
    }

    public static RuleReading of(int revision, Observation o, Instant observedAt, List<Figures> read) {
        if (read == null || read.isEmpty() || read.get(0) == null || read.get(0).counts() == null) {
            return null;
        }
        FigureCounts other = read.size() > 1 && read.get(1) != null ? read.get(1).counts() : null;
        return new RuleReading(revision, observedAt, o.asOf(), read.get(0).counts(), other);
    }
}
