package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.SubjectKey;

/**
 * COMPARE: the subject's value strictly past {@code other}'s on the {@code condition} side fires; a firing rule
 * resolves once it is past the other's by more than {@code margin} on the healthy side (margin 0: as soon as the
 * condition no longer holds).
 */
public record CompareSpec(Condition condition, SubjectKey other, double margin) implements RuleSpec {

    @Override
    public RuleKind kind() {
        return RuleKind.COMPARE;
    }
}
