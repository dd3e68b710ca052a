package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.api.Dates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the form of a silence draft and names every bad field: it must mute something (a rule, a
 * subscriber or label matchers), end in the future and after it starts, and last at most 366 days.
 * Whether the rule and subscriber it names belong to the caller is the caller's check.
 */
public final class SilenceValidator {
    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    static final int MAX_MATCHERS = 20;

    private SilenceValidator() {
    }

    public static List<FieldError> problems(SilenceDraft d, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> matchers = d.matchers() == null ? Map.of() : d.matchers();
        if (matchers.size() > MAX_MATCHERS || matchers.entrySet().stream().anyMatch(e -> e.getKey() == null
                || e.getKey().isBlank() || e.getKey().length() > 63 || e.getValue() == null || e.getValue().length() > 200)) {
            errors.add(new FieldError("matchers", "at most " + MAX_MATCHERS
                    + " label=value pairs, names 1..63 and values 0..200 characters"));
        }
        if (d.ruleId() == null && d.subscriberId() == null && matchers.isEmpty()) {
            errors.add(new FieldError("ruleId", "give a ruleId, a subscriberId or matchers: a silence must mute something"));
        }
        boolean startsInRange = d.startsAt() == null || Dates.isInRange(d.startsAt());
        if (!startsInRange) {
            errors.add(new FieldError("startsAt", "must be an instant " + Dates.RANGE));
        }
        Instant starts = d.startsAt() == null || !startsInRange ? now : d.startsAt();
        if (d.endsAt() == null) {
            errors.add(new FieldError("endsAt", "is required"));
        } else if (!Dates.isInRange(d.endsAt())) {
            errors.add(new FieldError("endsAt", "must be an instant " + Dates.RANGE));
        } else if (!d.endsAt().isAfter(starts) || !d.endsAt().isAfter(now)) {
            errors.add(new FieldError("endsAt", "must be in the future and after startsAt"));
        } else if (Duration.between(starts, d.endsAt()).compareTo(MAX_LENGTH) > 0) {
            errors.add(new FieldError("endsAt", "a silence lasts at most 366 days"));
        }
        if (d.comment() != null && d.comment().length() > 500) {
            errors.add(new FieldError("comment", "must be at most 500 characters"));
        }
        return errors;
    }
}
