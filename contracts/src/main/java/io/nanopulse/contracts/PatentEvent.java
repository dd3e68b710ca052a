package io.nanopulse.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * One patent event of contract v1, already validated and normalised by {@link EventValidator}.
 * Fields that a type does not use are null; JSON leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatentEvent(
        EventType type,
        String eventId,
        String patentId,
        String country,
        String institution,
        Sector sector,
        LocalDate filingDate,
        String city,
        List<String> cpc,
        String title,
        LocalDate grantDate,
        String counterparty,
        String counterpartyCountry,
        LocalDate effectiveDate,
        String terms) {

    public static PatentEvent filed(String eventId, String patentId, String country, String institution,
                                    Sector sector, LocalDate filingDate, String city) {
        return new PatentEvent(EventType.PATENT_FILED, eventId, patentId, country, institution, sector, filingDate,
                city, null, null, null, null, null, null, null);
    }

    public static PatentEvent granted(String eventId, String patentId, LocalDate grantDate) {
        return new PatentEvent(EventType.PATENT_GRANTED, eventId, patentId, null, null, null, null, null, null, null,
                grantDate, null, null, null, null);
    }

    public static PatentEvent deal(EventType type, String eventId, String patentId, String counterparty,
                                   String counterpartyCountry, LocalDate effectiveDate) {
        return new PatentEvent(type, eventId, patentId, null, null, null, null, null, null, null, null,
                counterparty, counterpartyCountry, effectiveDate, null);
    }
}
