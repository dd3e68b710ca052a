package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;

import java.time.LocalDate;
import java.util.List;

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

    /** Every subject the filing counts for (a filing without a city has no CITY subject). */
    public List<SubjectKey> subjects() {
        var global = SubjectKey.GLOBAL;
        var country = SubjectKey.country(this.country);
        var institution = SubjectKey.institution(institutionId);
        var sector = SubjectKey.countrySector(this.country, this.sector);
        if (cityKey == null) {
            return List.of(global, country, institution, sector);
        }
        // cityKey is already the city's name key: the subject is built from it as it is.
        return List.of(global, country, institution, sector, new SubjectKey(SubjectKind.CITY, this.country + "/" + cityKey));
    }
}
