package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;

/**
 * RANK over the ranking of {@code rankingKind} subjects by the rule's metric and window. With a subject:
 * {@code position} IN_TOP fires while the subject holds one of the first {@code top} places and resolves past
 * {@code recoveryTop}; OUT_OF_TOP fires while it is not among them and resolves once within {@code recoveryTop}.
 * Without a subject ({@code position} null): fires when first place changes hands away from the rule's reference
 * leader (a challenger ahead of it by more than {@code margin}) and resolves when the reference is first again.
 */
public record RankSpec(SubjectKind rankingKind, Position position, int top, int recoveryTop, double margin)
        implements RuleSpec {

    /** Which side of the top places fires. */
    public enum Position {
        IN_TOP, OUT_OF_TOP
    }

    /** A rule without subject: who holds first place. */
    public boolean watchesLeader() {
        return position == null;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.RANK;
    }
}
