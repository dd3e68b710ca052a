package io.nanopulse.alerts.domain;

/**
 * THRESHOLD: the subject's value strictly past {@code threshold} on the {@code condition} side fires; a firing rule
 * resolves past {@code recoveryThreshold} (null: as soon as the condition no longer holds).
 */
public record ThresholdSpec(Condition condition, double threshold, Double recoveryThreshold) implements RuleSpec {

    @Override
    public RuleKind kind() {
        return RuleKind.THRESHOLD;
    }
}
