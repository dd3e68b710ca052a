package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A subscriber's e-mail settings as asked: an address (null: none) and a digest interval (null: one message per
 * transition). The interval is an ISO-8601 duration between {@code minDigest} and one day, and needs an address.
 */
public record EmailChoice(String address, Duration digest) {
    public static final Duration MAX_DIGEST = Duration.ofDays(1);

    /** Parses both fields; each refused one is added to {@code errors} (fields email, emailDigest). */
    public static EmailChoice of(String email, String emailDigest, Duration minDigest, List<FieldError> errors) {
        String address = null;
        if (email != null && !email.isBlank()) {
            try {
                address = EmailAddress.parse(email);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("email", e.getMessage()));
            }
        }
        Duration digest = null;
        if (emailDigest != null) {
            String range = "must be an ISO-8601 duration from " + minDigest + " to " + MAX_DIGEST + ", e.g. PT1H";
            try {
                digest = Duration.parse(emailDigest.strip());
                if (digest.compareTo(minDigest) < 0 || digest.compareTo(MAX_DIGEST) > 0) {
                    errors.add(new FieldError("emailDigest", range));
                    digest = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("emailDigest", range));
            }
            if (digest != null && (email == null || email.isBlank())) {
                errors.add(new FieldError("emailDigest", "needs an email address"));
                digest = null;
            }
        }
        return new EmailChoice(address, digest);
    }
}
