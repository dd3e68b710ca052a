package io.nanopulse.alerts.domain;

import java.time.Duration;

/**
 * The part of a rule the state machine needs.
 *
 * @param recoveryThreshold null = resolve as soon as the condition no longer holds
 * @param pendingFor        how long the condition must hold before firing; zero fires at once
 * @param repeatEvery       reminder interval while firing; null = no reminders
 */
public record Thresholds(Condition condition, double threshold, Double recoveryThreshold,
                         Duration pendingFor, Duration repeatEvery) {
}
