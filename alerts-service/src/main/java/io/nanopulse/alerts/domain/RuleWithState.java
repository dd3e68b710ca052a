package io.nanopulse.alerts.domain;

/** A rule and its current state ({@code state} null only while the rule is being deleted). */
public record RuleWithState(AlertRule rule, RuleState state) {
}
