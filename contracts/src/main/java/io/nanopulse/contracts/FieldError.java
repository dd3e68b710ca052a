package io.nanopulse.contracts;

/** Why one field of an event was refused: the JSON field name and a human-readable reason. */
public record FieldError(String field, String reason) {
}
