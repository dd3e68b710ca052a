package io.nanopulse.contracts;

import java.util.List;

/** Either a normalised event or the list of field errors that refused it. */
public record ValidationResult(PatentEvent event, List<FieldError> errors) {

    public static ValidationResult ok(PatentEvent event) {
        return new ValidationResult(event, List.of());
    }

    public static ValidationResult invalid(List<FieldError> errors) {
        return new ValidationResult(null, List.copyOf(errors));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The raw eventId when it could be read, for error reports; may be null. */
    public String eventIdOr(String fallback) {
        return event != null ? event.eventId() : fallback;
    }
}
