package io.nanopulse.alerts.domain;

/** One step of a rule's state machine. Only some steps are announced to subscribers. */
public enum TransitionKind {
    /** OK → PENDING: the condition holds, the pending duration has not elapsed yet. */
    PENDING(false),
    /** PENDING → OK: the condition stopped holding before the pending duration elapsed. */
    CANCELLED(false),
    /** OK or PENDING → FIRING. */
    FIRING(true),
    /** FIRING → OK, past the recovery threshold. */
    RESOLVED(true),
    /** FIRING → FIRING after the repeat interval: a reminder, not a state change. */
    REMINDER(true);

    private final boolean notifies;

    TransitionKind(boolean notifies) {
        this.notifies = notifies;
    }

    public boolean notifies() {
        return notifies;
    }

    /** CloudEvents type and SSE event name of the notification. */
    public String eventType() {
        return "io.nanopulse.alert." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
