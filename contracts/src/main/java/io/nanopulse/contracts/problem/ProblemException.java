package io.nanopulse.contracts.problem;

/** Ends a request with a problem+json answer; thrown by API layers, mapped by {@link ProblemResponses}. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(Problem.invalid(field, reason));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }
}
