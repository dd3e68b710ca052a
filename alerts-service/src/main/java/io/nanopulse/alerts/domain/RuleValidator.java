package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a rule draft and names every bad field with its reason, so a client fixes all at once (the fields
 * of CHANGE, RANK and COMPARE rules in {@link RuleKindValidator}).
 * Field names are the JSON names of the rules API. Subject keys, metric names and windows follow the
 * shared vocabulary of contracts, so a rule watches exactly the subjects and windows metrics-service serves;
 * the definition holds them in canonical form.
 */
public final class RuleValidator {
    public static final Duration MAX_DURATION = Duration.ofDays(30);
    static final int MAX_LABELS = 20;
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,62}");

    private RuleValidator() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(RuleDefinition rule) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    public static Result validate(RuleDraft d) {
        List<FieldError> errors = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, 1..200 characters"));
        }

        RuleKind ruleKind = RuleKind.THRESHOLD;
        if (d.kind() != null) {
            try {
                ruleKind = RuleKind.valueOf(d.kind().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be THRESHOLD, CHANGE, RANK or COMPARE"));
                ruleKind = null;
            }
        }

        boolean subjectGiven = d.subjectKind() != null || d.subjectKey() != null;
        SubjectKey subject = subjectGiven || ruleKind != RuleKind.RANK
                ? subject("subject", d.subjectKind(), d.subjectKey(), errors) : null;

        Metric metric = null;
        if (d.metric() == null) {
            errors.add(new FieldError("metric", "is required; use " + Metric.NAMES));
        } else {
            try {
                metric = Metric.parse(d.metric());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("metric", e.getMessage()));
            }
        }

        Window.problem(d.window()).ifPresent(p -> errors.add(new FieldError("window", p)));

        RuleSpec spec = null;
        if (ruleKind != null) {
            refuseForeignFields(d, ruleKind, subjectGiven, errors);
            spec = switch (ruleKind) {
                case THRESHOLD -> thresholdSpec(d, metric, errors);
                case CHANGE -> RuleKindValidator.change(d, metric, errors);
                case RANK -> RuleKindValidator.rank(d, subject, metric, errors);
                case COMPARE -> RuleKindValidator.compare(d, subject, metric, errors);
            };
        }

        Duration pending = duration("pendingFor", d.pendingFor(), Duration.ZERO, errors);
        Duration repeat = duration("repeatInterval", d.repeatInterval(), null, errors);
        if (repeat != null && repeat.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.add(new FieldError("repeatInterval", "must be at least PT1S"));
        }

        Map<String, String> labels = new LinkedHashMap<>();
        if (d.labels() != null) {
            if (d.labels().size() > MAX_LABELS) {
                errors.add(new FieldError("labels", "at most " + MAX_LABELS + " labels"));
            }
            d.labels().forEach((k, v) -> {
                if (k == null || !LABEL_KEY.matcher(k).matches()) {
                    errors.add(new FieldError("labels", "label name '" + (k == null ? "" : abbreviate(k))
                            + "' must match " + LABEL_KEY.pattern()));
                } else if (v == null || v.length() > 200) {
                    errors.add(new FieldError("labels." + k, "label value must be 0..200 characters"));
                } else {
                    labels.put(k, v);
                }
            });
        }

        if (!errors.isEmpty() || spec == null) {
            return new Invalid(errors);
        }
        return new Valid(new RuleDefinition(name, subject, metric, Window.canonical(d.window()), spec,
                new Timing(pending, repeat), Map.copyOf(labels)));
    }

    /** A subject from a kind and key, or null with the reason under {@code field}.kind / {@code field}.key. */
    static SubjectKey subject(String field, String rawKind, String rawKey, List<FieldError> errors) {
        SubjectKind kind;
        try {
            kind = SubjectKind.parse(rawKind);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field + ".kind", e.getMessage()));
            return null;
        }
        try {
            return SubjectKey.of(kind, rawKey);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field + ".key", e.getMessage()));
            return null;
        }
    }

    private static ThresholdSpec thresholdSpec(RuleDraft d, Metric metric, List<FieldError> errors) {
        Condition condition = null;
        if (d.condition() == null) {
            errors.add(new FieldError("condition", "is required; ABOVE or BELOW"));
        } else {
            try {
                condition = Condition.valueOf(d.condition().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("condition", "must be ABOVE or BELOW"));
            }
        }

        Double threshold = d.threshold();
        if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
            errors.add(new FieldError("threshold", "is required and must be a finite number"));
            threshold = null;
        } else if (metric != null) {
            checkRange(metric, "threshold", threshold, errors);
        }

        Double recovery = d.recoveryThreshold();
        if (recovery != null) {
            if (recovery.isNaN() || recovery.isInfinite()) {
                errors.add(new FieldError("recoveryThreshold", "must be a finite number"));
            } else {
                if (metric != null) {
                    checkRange(metric, "recoveryThreshold", recovery, errors);
                }
                if (condition == Condition.ABOVE && threshold != null && recovery > threshold) {
                    errors.add(new FieldError("recoveryThreshold", "must be at or below threshold " + threshold
                            + " for an ABOVE rule (it resolves when the value falls below it)"));
                }
                if (condition == Condition.BELOW && threshold != null && recovery < threshold) {
                    errors.add(new FieldError("recoveryThreshold", "must be at or above threshold " + threshold
                            + " for a BELOW rule (it resolves when the value rises above it)"));
                }
            }
        }
        return condition == null || threshold == null ? null : new ThresholdSpec(condition, threshold, recovery);
    }

    /** Names each field the kind does not take, so a rule never silently ignores part of what was asked. */
    private static void refuseForeignFields(RuleDraft d, RuleKind kind, boolean subjectGiven, List<FieldError> errors) {
        boolean leader = kind == RuleKind.RANK && !subjectGiven;
        Map<String, Boolean> takes = new LinkedHashMap<>();
        takes.put("condition", kind != RuleKind.CHANGE && !leader);
        takes.put("threshold", kind == RuleKind.THRESHOLD);
        takes.put("recoveryThreshold", kind == RuleKind.THRESHOLD);
        takes.put("lookback", kind == RuleKind.CHANGE);
        takes.put("direction", kind == RuleKind.CHANGE);
        takes.put("amount", kind == RuleKind.CHANGE);
        takes.put("relative", kind == RuleKind.CHANGE);
        takes.put("recoveryAmount", kind == RuleKind.CHANGE);
        takes.put("rankingKind", kind == RuleKind.RANK);
        takes.put("top", kind == RuleKind.RANK && !leader);
        takes.put("recoveryTop", kind == RuleKind.RANK && !leader);
        takes.put("other", kind == RuleKind.COMPARE);
        takes.put("margin", kind == RuleKind.COMPARE || leader);
        Object[] given = {d.condition(), d.threshold(), d.recoveryThreshold(), d.lookback(), d.direction(), d.amount(),
                d.relative(), d.recoveryAmount(), d.rankingKind(), d.top(), d.recoveryTop(),
                d.otherKind() != null || d.otherKey() != null ? Boolean.TRUE : null, d.margin()};
        int i = 0;
        for (var e : takes.entrySet()) {
            if (given[i++] != null && !e.getValue()) {
                errors.add(new FieldError(e.getKey(), leader
                        ? "is not taken by a RANK rule without subject (it watches first place)"
                        : "is not taken by a " + kind + " rule"));
            }
        }
    }

    static void checkRange(Metric metric, String field, double v, List<FieldError> errors) {
        if (metric.isRatio() && (v < 0 || v > 1)) {
            errors.add(new FieldError(field, metric.apiName() + " is a ratio: must be within [0,1], e.g. 0.45 for 45%"));
        } else if (!metric.isRatio() && v < 0) {
            errors.add(new FieldError(field, metric.apiName() + " is a count: must not be negative"));
        }
    }

    static Duration duration(String field, String text, Duration fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
                errors.add(new FieldError(field, "must be between PT0S and P30D"));
                return fallback;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 duration like PT10M or P1D"));
            return fallback;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
