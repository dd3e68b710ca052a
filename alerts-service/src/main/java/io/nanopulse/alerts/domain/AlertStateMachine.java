package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides the next state of a rule from its stored state and a verdict on freshly read figures (for a THRESHOLD
 * rule: the value against its thresholds; other kinds: {@link RuleEvaluation#judge}). Pure: the caller
 * holds the row lock and persists the result, so the same input always gives the same step, and a
 * redelivered trigger that reads the same value yields no step at all.
 *
 * <p>Semantics (after Prometheus/Grafana alerting, plus hysteresis):
 * <ul>
 * <li>The condition "breaches" (for a threshold: strictly past it). OK + breach → PENDING, or FIRING at once
 * when the pending duration is zero. PENDING + breach held for the pending duration → FIRING.
 * PENDING + no breach → OK (cancelled, not announced).</li>
 * <li>FIRING resolves only when the verdict says "recovered": past the recovery threshold (the threshold itself
 * when none is set), so values oscillating between the two thresholds never flap.</li>
 * <li>No data (a null value: denominator 0) never fires and never resolves: it cancels PENDING and
 * keeps FIRING as it is.</li>
 * <li>While FIRING, a reminder is due every repeat interval after the last notification.</li>
 * </ul>
 */
public final class AlertStateMachine {

    private AlertStateMachine() {
    }

    /** The stored part of a rule's state the decision depends on. */
    public record Snapshot(AlertState state, Instant pendingSince, Instant lastNotifiedAt) {
    }

    /** The state to store; {@code kind} is null when nothing happened. */
    public record Step(AlertState state, Instant pendingSince, Instant lastNotifiedAt, TransitionKind kind) {
        public boolean changed() {
            return kind != null;
        }
    }

    /** A THRESHOLD rule's step on a freshly read value. */
    public static Step next(Thresholds rule, Snapshot current, Double value, Instant now) {
        boolean breach = value != null && rule.condition().breaches(value, rule.threshold());
        return next(new Timing(rule.pendingFor(), rule.repeatEvery()), current, breach,
                value != null && recovered(rule, value), now);
    }

    /** The step of a rule of any kind on a verdict (see {@link RuleEvaluation#judge}). */
    public static Step next(Timing timing, Snapshot current, Verdict verdict, Instant now) {
        return next(timing, current, verdict.breach(), verdict.recovered(), now);
    }

    private static Step next(Timing timing, Snapshot current, boolean breach, boolean recovered, Instant now) {
        switch (current.state()) {
            case OK -> {
                if (!breach) {
                    return unchanged(current);
                }
                if (isZero(timing.pendingFor())) {
                    return new Step(AlertState.FIRING, null, now, TransitionKind.FIRING);
                }
                return new Step(AlertState.PENDING, now, current.lastNotifiedAt(), TransitionKind.PENDING);
            }
            case PENDING -> {
                if (!breach) {
                    return new Step(AlertState.OK, null, current.lastNotifiedAt(), TransitionKind.CANCELLED);
                }
                Instant since = current.pendingSince() == null ? now : current.pendingSince();
                if (!now.isBefore(since.plus(timing.pendingFor()))) {
                    return new Step(AlertState.FIRING, null, now, TransitionKind.FIRING);
                }
                return new Step(AlertState.PENDING, since, current.lastNotifiedAt(), null);
            }
            case FIRING -> {
                if (recovered) {
                    return new Step(AlertState.OK, null, now, TransitionKind.RESOLVED);
                }
                Duration repeat = timing.repeatEvery();
                Instant last = current.lastNotifiedAt();
                if (repeat != null && !isZero(repeat) && last != null && !now.isBefore(last.plus(repeat))) {
                    return new Step(AlertState.FIRING, null, now, TransitionKind.REMINDER);
                }
                return unchanged(current);
            }
            default -> throw new IllegalStateException("unknown state " + current.state());
        }
    }

    private static boolean recovered(Thresholds rule, double value) {
        if (rule.recoveryThreshold() == null) {
            return !rule.condition().breaches(value, rule.threshold());
        }
        return rule.condition().recovered(value, rule.recoveryThreshold());
    }

    private static boolean isZero(Duration d) {
        return d == null || d.isZero() || d.isNegative();
    }

    private static Step unchanged(Snapshot s) {
        return new Step(s.state(), s.pendingSince(), s.lastNotifiedAt(), null);
    }
}
