package io.nanopulse.alerts.domain;

/** The kind-specific part of a rule definition; {@link RuleEvaluation} reads and judges each kind. */
public sealed interface RuleSpec permits ThresholdSpec, ChangeSpec, RankSpec, CompareSpec {

    RuleKind kind();
}
