package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.nanopulse.contracts.FieldError;

import java.util.List;

/**
 * RFC 9457 problem details, the one error body of every Nanopulse API ({@code application/problem+json}).
 *
 * <p>Standard members: {@code type} (a {@link ProblemType} URI), {@code title}, {@code status}, {@code detail},
 * {@code instance}. Extension members, present only where they apply: {@code field} (and {@code line}) name
 * what is wrong in a request body; {@code service} names the downstream service that failed or is unreachable;
 * {@code errors} lists each offending field or item; for an upload that failed midway,
 * {@code accepted}/{@code rejected}/{@code duplicates} and {@code errorsTruncated} report what happened before
 * the failure (accepted events are durable). {@code errors} holds at most {@value #MAX_ERRORS} entries, the first ones
 * found; {@code errorsTruncated} says when there were more, so a hostile body cannot make its answer as large as
 * itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "field", "line", "service", "accepted",
        "rejected", "duplicates", "errors", "errorsTruncated"})
public record Problem(String type, String title, int status, String detail, String instance, String field, Long line,
                      String service, Long accepted, Long rejected, Long duplicates, List<FieldError> errors,
                      Boolean errorsTruncated) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The most entries a problem's {@code errors} list carries. */
    public static final int MAX_ERRORS = 100;

    public static Problem of(ProblemType type, String detail) {
        return of(type, type.status(), type.title(), detail);
    }

    /** A problem with an explicit status and title, for HTTP errors no {@link ProblemType} names exactly. */
    public static Problem of(ProblemType type, int status, String title, String detail) {
        return new Problem(type.uri(), title, status, detail, null, null, null, null, null, null, null, null, null);
    }

    /** 400 naming the offending fields; the detail is the one field's reason or how many fields are invalid. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return of(ProblemType.INVALID_REQUEST, detail).withErrors(errors);
    }

    public static Problem invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason))).withField(field);
    }

    public static Problem unavailable(String service, String detail) {
        return of(ProblemType.SERVICE_UNAVAILABLE, detail).withService(service);
    }

    public Problem withField(String offendingField) {
        return new Problem(type, title, status, detail, instance, offendingField, line, service, accepted, rejected,
                duplicates, errors, errorsTruncated);
    }

    public Problem atLine(Long lineNumber) {
        return new Problem(type, title, status, detail, instance, field, lineNumber, service, accepted, rejected,
                duplicates, errors, errorsTruncated);
    }

    public Problem withService(String downstream) {
        return new Problem(type, title, status, detail, instance, field, line, downstream, accepted, rejected,
                duplicates, errors, errorsTruncated);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, field, line, service, accepted, rejected,
                duplicates, bounded(fieldErrors), truncated(fieldErrors) ? Boolean.TRUE : errorsTruncated);
    }

    /** What an upload did before it failed: counts, item errors and whether the list was cut. */
    public Problem withPartial(long acceptedCount, long rejectedCount, long duplicateCount, List<FieldError> itemErrors,
                               boolean truncated) {
        return new Problem(type, title, status, detail, instance, field, line, service, acceptedCount, rejectedCount,
                duplicateCount, bounded(itemErrors), truncated || truncated(itemErrors) ? Boolean.TRUE : null);
    }

    private static List<FieldError> bounded(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) return null;
        return List.copyOf(truncated(errors) ? errors.subList(0, MAX_ERRORS) : errors);
    }

    private static boolean truncated(List<FieldError> errors) {
        return errors != null && errors.size() > MAX_ERRORS;
    }
}
