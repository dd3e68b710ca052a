package io.nanopulse.contracts.api;

/**
 * One page of a list: {@code page} counts from 0 up to {@value #MAX_PAGE}, {@code size} from 1 up to the
 * list's own maximum. The one paging check of every API, so an offset never overflows.
 */
public record PageRequest(int page, int size) {
    public static final int MAX_PAGE = 1_000_000;
    public static final int DEFAULT_SIZE = 50;

    /** The page a client asked for, strictly parsed (absent values take the defaults); a 400 names the bad one. */
    public static PageRequest of(String rawPage, String rawSize, int maxSize) {
        int page = QueryParams.integer("page", rawPage, 0, 0, MAX_PAGE);
        int size = QueryParams.integer("size", rawSize, Math.min(DEFAULT_SIZE, maxSize), 1, maxSize);
        return new PageRequest(page, size);
    }

    /** The number of items before this page. */
    public long offset() {
        return (long) page * size;
    }
}
