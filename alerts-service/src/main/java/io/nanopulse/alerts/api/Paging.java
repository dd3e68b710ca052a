package io.nanopulse.alerts.api;

import io.nanopulse.contracts.api.PageRequest;

/** The paging parameters of every list ({@link PageRequest}): {@code size} 1..{@value #MAX_SIZE}. */
final class Paging {
    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static PageRequest of(String page, String size) {
        return PageRequest.of(page, size, MAX_SIZE);
    }
}
