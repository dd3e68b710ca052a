package io.nanopulse.alerts.application;

import io.nanopulse.alerts.domain.AlertNotification;
import io.nanopulse.alerts.domain.TransitionKind;

import java.util.UUID;

/**
 * Fired inside the transition's transaction and observed AFTER_SUCCESS, so the delivery relay and the
 * transition metrics only ever see committed transitions (live streams are fed by PostgreSQL NOTIFY).
 *
 * @param notification what subscribers are told; null when the step is not announced or is silenced
 * @param deliveries   outbox rows written with the transition
 */
public record TransitionCommitted(UUID ruleId, UUID subscriberId, TransitionKind kind,
                                  AlertNotification notification, int deliveries) {
}
