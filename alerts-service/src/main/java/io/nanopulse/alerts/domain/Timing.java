package io.nanopulse.alerts.domain;

import java.time.Duration;

/**
 * When a rule's state machine steps, whatever its kind.
 *
 * @param pendingFor  how long the condition must hold before firing; zero fires at once
 * @param repeatEvery reminder interval while firing; null = no reminders
 */
public record Timing(Duration pendingFor, Duration repeatEvery) {
}
