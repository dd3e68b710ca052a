package io.nanopulse.alerts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.contracts.FieldError;

import java.util.List;

/** RFC 9457 problem details, with the offending fields named in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
