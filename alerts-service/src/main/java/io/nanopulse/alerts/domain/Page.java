package io.nanopulse.alerts.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code page} counts from 0, {@code totalItems} counts every page. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, totalItems);
    }
}
