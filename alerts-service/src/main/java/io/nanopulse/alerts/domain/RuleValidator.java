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
 * Checks a rule draft and names every bad field with its reason, so a client fixes all at once.
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

        SubjectKind kind = null;
        SubjectKey subject = null;
        try {
            kind = SubjectKind.parse(d.subjectKind());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("subject.kind", e.getMessage()));
        }
        if (kind != null) {
            try {
                subject = SubjectKey.of(kind, d.subjectKey());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("subject.key", e.getMessage()));
            }
        }

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

        Condition condition = null;
        if (d.condition() == null) {
            errors.add(new FieldError("condition", "is required; ABOVE or BELOW"));
        } else {
            try {
                condition = Condition.valueOf(d.condition());
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

        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new RuleDefinition(name, subject, metric, Window.canonical(d.window()),
                new Thresholds(condition, threshold, recovery, pending, repeat), Map.copyOf(labels)));
    }

    private static void checkRange(Metric metric, String field, double v, List<FieldError> errors) {
        if (metric.isRatio() && (v < 0 || v > 1)) {
            errors.add(new FieldError(field, metric.apiName() + " is a ratio: must be within [0,1], e.g. 0.45 for 45%"));
        } else if (!metric.isRatio() && v < 0) {
            errors.add(new FieldError(field, metric.apiName() + " is a count: must not be negative"));
        }
    }

    private static Duration duration(String field, String text, Duration fallback, List<FieldError> errors) {
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
