package io.nanopulse.alerts.domain;

import java.time.Period;

/**
 * CHANGE: the subject's value now against the same window {@code lookback} earlier fires when it moved by at least
 * {@code amount} in {@code direction}: in the metric's unit (share 0.02 = two points), or when {@code relative} in
 * percent of the earlier value. A firing rule resolves once the move is below {@code recoveryAmount} (null: below
 * {@code amount}).
 */
public record ChangeSpec(Period lookback, Direction direction, double amount, boolean relative, Double recoveryAmount)
        implements RuleSpec {

    /** Which moves count. */
    public enum Direction {
        UP, DOWN, EITHER
    }

    @Override
    public RuleKind kind() {
        return RuleKind.CHANGE;
    }
}
