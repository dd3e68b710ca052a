package io.nanopulse.alerts.domain;

/**
 * What a rule watches: one subject's value against a threshold, its move since {@code lookback} earlier, a place
 * in a ranking (or who holds first place), or one subject's value against another's.
 */
public enum RuleKind {
    THRESHOLD, CHANGE, RANK, COMPARE
}
