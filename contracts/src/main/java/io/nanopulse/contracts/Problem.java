package io.nanopulse.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the error body of every Nanopulse API ({@code application/problem+json}).
 * {@code errors} names each offending field and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://nanopulse.io/problems/invalid-request", "Invalid request", 400, detail, null, errors);
    }
}
