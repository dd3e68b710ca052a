package io.nanopulse.metrics.service;

import io.nanopulse.contracts.Sector;

import java.time.LocalDate;

/** What a patent's first filing says about its owner: the facts aggregates count by. */
public record Filing(
        String eventId,
        String country,
        String institutionRaw,
        String institutionKey,
        String institutionId,
        Sector sector,
        String city,
        String cityKey,
        LocalDate filingDate) {
}
