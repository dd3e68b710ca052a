package io.nanopulse.metrics.domain;

import java.util.Map;

/**
 * Totals read in one snapshot: the world's (the share's denominator), one subject's, and its members' along one
 * {@link Breakdown} (members without any row absent), so that the members add up to the subject exactly.
 */
public record SplitTotals(Totals global, Totals subject, Map<String, Totals> members) {
}
