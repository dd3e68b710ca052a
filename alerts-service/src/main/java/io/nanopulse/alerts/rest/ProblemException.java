package io.nanopulse.alerts.rest;

import io.nanopulse.contracts.Problem;
import io.nanopulse.contracts.FieldError;

import java.util.List;

/** Ends a request with a problem+json answer. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(new Problem("https://nanopulse.io/problems/invalid-request", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid", null, errors));
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem("https://nanopulse.io/problems/not-found", "Not found", 404,
                what + " not found", null, null));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("https://nanopulse.io/problems/conflict", "Conflict", 409, detail, null, null));
    }
}
