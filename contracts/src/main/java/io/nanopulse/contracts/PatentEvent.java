package io.nanopulse.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * One patent event of contract v1, already validated and normalised by {@link EventValidator}.
 * Fields that a type does not use are null; JSON leaves them out. {@code dealEventId} (the eventId of the deal
 * taken back) and {@code reason} belong to the retractions.
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
        String terms,
        String dealEventId,
        String reason) {

    /** An event of the four client types, which carry no retraction fields. */
    public PatentEvent(EventType type, String eventId, String patentId, String country, String institution, Sector sector,
                       LocalDate filingDate, String city, List<String> cpc, String title, LocalDate grantDate,
                       String counterparty, String counterpartyCountry, LocalDate effectiveDate, String terms) {
        this(type, eventId, patentId, country, institution, sector, filingDate, city, cpc, title, grantDate, counterparty,
                counterpartyCountry, effectiveDate, terms, null, null);
    }

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

    /** Takes back a patent and every event of it. */
    public static PatentEvent patentRetracted(String eventId, String patentId, String reason) {
        return new PatentEvent(EventType.PATENT_RETRACTED, eventId, patentId, null, null, null, null, null, null, null,
                null, null, null, null, null, null, reason);
    }

    /** Takes back one deal (licence or transfer) of a patent, named by its eventId. */
    public static PatentEvent dealRetracted(String eventId, String patentId, String dealEventId, String reason) {
        return new PatentEvent(EventType.DEAL_RETRACTED, eventId, patentId, null, null, null, null, null, null, null,
                null, null, null, null, null, dealEventId, reason);
    }

    /** The same event under another eventId. */
    public PatentEvent withEventId(String id) {
        return new PatentEvent(type, id, patentId, country, institution, sector, filingDate, city, cpc, title, grantDate,
                counterparty, counterpartyCountry, effectiveDate, terms, dealEventId, reason);
    }
}
