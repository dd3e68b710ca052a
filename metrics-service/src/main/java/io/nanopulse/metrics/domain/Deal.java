package io.nanopulse.metrics.domain;

import java.time.LocalDate;

/**
 * One licence or transfer of a patent: the eventId that brought it (null for a deal recorded before deals were
 * kept one by one, known only by its date) and its effective date.
 */
public record Deal(String eventId, LocalDate effectiveDate) {
}
