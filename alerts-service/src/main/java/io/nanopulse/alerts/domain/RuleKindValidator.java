package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Checks the kind-specific fields of CHANGE, RANK and COMPARE rules (see {@link RuleValidator}); each returns the
 * spec, or null after naming every bad field.
 */
final class RuleKindValidator {
    /** The longest lookback of a CHANGE rule. */
    static final Period MAX_LOOKBACK = Period.ofYears(10);
    /** The most places a RANK rule may watch (metrics-service's largest ranking). */
    static final int MAX_TOP = 100;
    /** The largest relative amount, in percent. */
    static final double MAX_PERCENT = 1_000_000;
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2000, 1, 1);

    private RuleKindValidator() {
    }

    static ChangeSpec change(RuleDraft d, Metric metric, List<FieldError> errors) {
        int before = errors.size();
        Period lookback = lookback(d.lookback(), errors);
        ChangeSpec.Direction direction = null;
        if (d.direction() == null) {
            errors.add(new FieldError("direction", "is required; UP, DOWN or EITHER"));
        } else {
            try {
                direction = ChangeSpec.Direction.valueOf(d.direction().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("direction", "must be UP, DOWN or EITHER"));
            }
        }
        boolean relative = Boolean.TRUE.equals(d.relative());
        Double amount = d.amount();
        if (amount == null || !Double.isFinite(amount) || amount <= 0) {
            errors.add(new FieldError("amount", "is required and must be a finite number above 0"));
            amount = null;
        } else {
            checkAmount("amount", amount, relative, metric, errors);
        }
        Double recovery = d.recoveryAmount();
        if (recovery != null) {
            if (!Double.isFinite(recovery) || recovery <= 0) {
                errors.add(new FieldError("recoveryAmount", "must be a finite number above 0"));
            } else if (amount != null && recovery > amount) {
                errors.add(new FieldError("recoveryAmount", "must be at most amount " + amount
                        + " (a firing rule resolves once the move is below it)"));
            }
        }
        if (errors.size() > before || lookback == null || direction == null || amount == null) {
            return null;
        }
        return new ChangeSpec(lookback, direction, amount, relative, recovery);
    }

    static RankSpec rank(RuleDraft d, SubjectKey subject, Metric metric, List<FieldError> errors) {
        int before = errors.size();
        boolean subjectGiven = d.subjectKind() != null || d.subjectKey() != null;
        SubjectKind rankingKind = null;
        if (d.rankingKind() != null) {
            try {
                rankingKind = SubjectKind.parse(d.rankingKind());
                if (rankingKind == SubjectKind.GLOBAL) {
                    errors.add(new FieldError("rankingKind", "GLOBAL has nothing to rank"));
                } else if (subject != null && subject.kind() != rankingKind) {
                    errors.add(new FieldError("rankingKind", "must be the subject's kind " + subject.kind()
                            + " (or left out)"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("rankingKind", e.getMessage()));
            }
        } else if (!subjectGiven) {
            errors.add(new FieldError("rankingKind", "is required without a subject (whose first place is watched)"));
        } else if (subject != null) {
            rankingKind = subject.kind();
            if (rankingKind == SubjectKind.GLOBAL) {
                errors.add(new FieldError("subject.kind", "a GLOBAL subject has no place in a ranking"));
            }
        }
        if (!subjectGiven) {
            double margin = margin(d.margin(), metric, errors);
            return errors.size() > before || rankingKind == null ? null : new RankSpec(rankingKind, null, 1, 1, margin);
        }
        RankSpec.Position position = null;
        if (d.condition() == null) {
            errors.add(new FieldError("condition", "is required for a RANK rule with a subject; IN_TOP or OUT_OF_TOP"));
        } else {
            try {
                position = RankSpec.Position.valueOf(d.condition().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("condition", "must be IN_TOP or OUT_OF_TOP for a RANK rule"));
            }
        }
        Integer top = d.top();
        if (top == null || top < 1 || top > MAX_TOP) {
            errors.add(new FieldError("top", "is required, 1.." + MAX_TOP));
            top = null;
        }
        Integer recoveryTop = d.recoveryTop();
        if (recoveryTop != null) {
            if (recoveryTop < 1 || recoveryTop > MAX_TOP) {
                errors.add(new FieldError("recoveryTop", "must be within 1.." + MAX_TOP));
            } else if (top != null && position == RankSpec.Position.IN_TOP && recoveryTop < top) {
                errors.add(new FieldError("recoveryTop", "must be at least top " + top
                        + " for IN_TOP (it resolves when the subject falls past that place)"));
            } else if (top != null && position == RankSpec.Position.OUT_OF_TOP && recoveryTop > top) {
                errors.add(new FieldError("recoveryTop", "must be at most top " + top
                        + " for OUT_OF_TOP (it resolves when the subject is back within that place)"));
            }
        }
        if (errors.size() > before || rankingKind == null || position == null || top == null || subject == null) {
            return null;
        }
        return new RankSpec(rankingKind, position, top, recoveryTop == null ? top : recoveryTop, 0);
    }

    static CompareSpec compare(RuleDraft d, SubjectKey subject, Metric metric, List<FieldError> errors) {
        int before = errors.size();
        SubjectKey other = null;
        if (d.otherKind() == null && d.otherKey() == null) {
            errors.add(new FieldError("other", "is required: the subject {kind, key} to compare with"));
        } else {
            other = RuleValidator.subject("other", d.otherKind(), d.otherKey(), errors);
            if (other != null && other.equals(subject)) {
                errors.add(new FieldError("other", "must differ from subject"));
            }
        }
        Condition condition = null;
        if (d.condition() == null) {
            errors.add(new FieldError("condition", "is required; ABOVE or BELOW (the subject against other)"));
        } else {
            try {
                condition = Condition.valueOf(d.condition().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("condition", "must be ABOVE or BELOW"));
            }
        }
        double margin = margin(d.margin(), metric, errors);
        if (errors.size() > before || other == null || condition == null) {
            return null;
        }
        return new CompareSpec(condition, other, margin);
    }

    private static Period lookback(String raw, List<FieldError> errors) {
        String reason = "must be a positive ISO-8601 period of at most P10Y, like P1Y or P12M";
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("lookback", "is required; " + reason));
            return null;
        }
        Period p;
        try {
            p = Period.parse(raw.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("lookback", reason));
            return null;
        }
        if (p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0 || p.isZero()
                || (long) p.getYears() * 12 + p.getMonths() > MAX_LOOKBACK.toTotalMonths()
                || p.getDays() > 3653
                || REFERENCE_DAY.plus(p).isAfter(REFERENCE_DAY.plus(MAX_LOOKBACK))) {
            errors.add(new FieldError("lookback", reason));
            return null;
        }
        return p;
    }

    private static void checkAmount(String field, double amount, boolean relative, Metric metric,
                                    List<FieldError> errors) {
        if (relative) {
            if (amount > MAX_PERCENT) {
                errors.add(new FieldError(field, "a relative amount is in percent: at most " + (long) MAX_PERCENT));
            }
        } else if (metric != null && metric.isRatio() && amount > 1) {
            errors.add(new FieldError(field, metric.apiName()
                    + " is a ratio: an absolute amount is within (0,1], e.g. 0.02 for two points"));
        }
    }

    private static double margin(Double margin, Metric metric, List<FieldError> errors) {
        if (margin == null) {
            return 0;
        }
        if (!Double.isFinite(margin) || margin < 0) {
            errors.add(new FieldError("margin", "must be a finite number, 0 or above"));
            return 0;
        }
        if (metric != null && metric.isRatio() && margin > 1) {
            errors.add(new FieldError("margin", metric.apiName() + " is a ratio: a margin is within [0,1]"));
        }
        return margin;
    }
}
