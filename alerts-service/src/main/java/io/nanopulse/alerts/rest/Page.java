package io.nanopulse.alerts.rest;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
    public static final int MAX_SIZE = 200;

    static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be within 1.." + MAX_SIZE);
        }
    }
}
