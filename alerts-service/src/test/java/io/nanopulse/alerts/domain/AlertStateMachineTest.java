package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class AlertStateMachineTest {
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final Thresholds ABOVE_45_RECOVER_44 =
            new Thresholds(Condition.ABOVE, 0.45, 0.44, Duration.ZERO, null);

    private static AlertStateMachine.Snapshot ok() {
        return new AlertStateMachine.Snapshot(AlertState.OK, null, null);
    }

    private static AlertStateMachine.Snapshot of(AlertStateMachine.Step s) {
        return new AlertStateMachine.Snapshot(s.state(), s.pendingSince(), s.lastNotifiedAt());
    }

    @Test
    void firesOnceWhenCrossedAndStaysQuietWhileFiring() {
        var s1 = AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), 0.46, T0);
        assertEquals(AlertState.FIRING, s1.state());
        assertEquals(TransitionKind.FIRING, s1.kind());
        var s2 = AlertStateMachine.next(ABOVE_45_RECOVER_44, of(s1), 0.47, T0.plusSeconds(10));
        assertFalse(s2.changed());
        assertEquals(AlertState.FIRING, s2.state());
    }

    @Test
    void exactlyAtThresholdDoesNotFire() {
        assertFalse(AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), 0.45, T0).changed());
    }

    @Test
    void hysteresisResolvesOnlyBelowRecoveryThreshold() {
        var firing = of(AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), 0.46, T0));
        for (double v : new double[]{0.449, 0.44, 0.445, 0.451, 0.4400001}) {
            var s = AlertStateMachine.next(ABOVE_45_RECOVER_44, firing, v, T0.plusSeconds(5));
            assertFalse(s.changed(), "no flap at " + v);
            assertEquals(AlertState.FIRING, s.state());
        }
        var resolved = AlertStateMachine.next(ABOVE_45_RECOVER_44, firing, 0.439, T0.plusSeconds(6));
        assertEquals(TransitionKind.RESOLVED, resolved.kind());
        assertEquals(AlertState.OK, resolved.state());
    }

    @Test
    void withoutRecoveryThresholdResolvesWhenConditionStopsHolding() {
        var rule = new Thresholds(Condition.BELOW, 0.08, null, Duration.ZERO, null);
        var firing = of(AlertStateMachine.next(rule, ok(), 0.07, T0));
        assertEquals(AlertState.FIRING, firing.state());
        assertFalse(AlertStateMachine.next(rule, firing, 0.0799, T0).changed());
        assertEquals(TransitionKind.RESOLVED, AlertStateMachine.next(rule, firing, 0.08, T0).kind());
    }

    @Test
    void belowRuleWithHysteresis() {
        var rule = new Thresholds(Condition.BELOW, 0.08, 0.09, Duration.ZERO, null);
        var firing = of(AlertStateMachine.next(rule, ok(), 0.079, T0));
        assertFalse(AlertStateMachine.next(rule, firing, 0.085, T0).changed());
        assertFalse(AlertStateMachine.next(rule, firing, 0.09, T0).changed());
        assertEquals(TransitionKind.RESOLVED, AlertStateMachine.next(rule, firing, 0.0901, T0).kind());
    }

    @Test
    void pendingDurationMustElapseBeforeFiring() {
        var rule = new Thresholds(Condition.ABOVE, 0.45, null, Duration.ofMinutes(10), null);
        var pending = AlertStateMachine.next(rule, ok(), 0.5, T0);
        assertEquals(TransitionKind.PENDING, pending.kind());
        assertEquals(T0, pending.pendingSince());
        var still = AlertStateMachine.next(rule, of(pending), 0.5, T0.plus(Duration.ofMinutes(9)));
        assertFalse(still.changed());
        assertEquals(AlertState.PENDING, still.state());
        assertEquals(T0, still.pendingSince());
        var fired = AlertStateMachine.next(rule, of(still), 0.5, T0.plus(Duration.ofMinutes(10)));
        assertEquals(TransitionKind.FIRING, fired.kind());
        assertNull(fired.pendingSince());
    }

    @Test
    void pendingIsCancelledWhenConditionStops() {
        var rule = new Thresholds(Condition.ABOVE, 0.45, null, Duration.ofMinutes(10), null);
        var pending = of(AlertStateMachine.next(rule, ok(), 0.5, T0));
        var cancelled = AlertStateMachine.next(rule, pending, 0.4, T0.plusSeconds(60));
        assertEquals(TransitionKind.CANCELLED, cancelled.kind());
        assertEquals(AlertState.OK, cancelled.state());
        // The timer restarts from scratch on the next breach.
        var again = AlertStateMachine.next(rule, of(cancelled), 0.5, T0.plus(Duration.ofMinutes(11)));
        assertEquals(TransitionKind.PENDING, again.kind());
    }

    @Test
    void remindersFollowTheRepeatInterval() {
        var rule = new Thresholds(Condition.ABOVE, 10, null, Duration.ZERO, Duration.ofHours(1));
        var firing = of(AlertStateMachine.next(rule, ok(), 11.0, T0));
        assertFalse(AlertStateMachine.next(rule, firing, 11.0, T0.plus(Duration.ofMinutes(59))).changed());
        var reminder = AlertStateMachine.next(rule, firing, 11.0, T0.plus(Duration.ofMinutes(60)));
        assertEquals(TransitionKind.REMINDER, reminder.kind());
        assertEquals(AlertState.FIRING, reminder.state());
        assertEquals(T0.plus(Duration.ofMinutes(60)), reminder.lastNotifiedAt());
        assertFalse(AlertStateMachine.next(rule, of(reminder), 11.0, T0.plus(Duration.ofMinutes(90))).changed());
    }

    @Test
    void missingValueNeitherFiresNorResolves() {
        assertFalse(AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), null, T0).changed());
        var firing = of(AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), 0.5, T0));
        assertFalse(AlertStateMachine.next(ABOVE_45_RECOVER_44, firing, null, T0).changed());
    }

    @Test
    void sameInputTwiceGivesOneTransition() {
        var first = AlertStateMachine.next(ABOVE_45_RECOVER_44, ok(), 0.5, T0);
        var replay = AlertStateMachine.next(ABOVE_45_RECOVER_44, of(first), 0.5, T0);
        assertEquals(TransitionKind.FIRING, first.kind());
        assertFalse(replay.changed());
    }
}
