package io.nanopulse.alerts.domain;

import java.util.List;

/** The state of a rule and its most recent transitions, newest first. */
public record RuleHistory(RuleState state, List<AlertTransition> recentTransitions) {
}
