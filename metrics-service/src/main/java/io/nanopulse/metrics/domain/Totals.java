package io.nanopulse.metrics.domain;

/** Counts for one subject over one window. */
public record Totals(long filings, long licensed, long granted) {
    public static final Totals ZERO = new Totals(0, 0, 0);

    public Totals plus(Totals o) {
        return new Totals(filings + o.filings, licensed + o.licensed, granted + o.granted);
    }
}
