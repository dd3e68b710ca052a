package io.nanopulse.alerts.api;

import io.nanopulse.contracts.problem.ProblemException;

/** The paging parameters of every list: {@code page} from 0, {@code size} 1..{@value #MAX_SIZE}. */
final class Paging {
    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be within 1.." + MAX_SIZE);
        }
    }
}
