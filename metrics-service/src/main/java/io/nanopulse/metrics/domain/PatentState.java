package io.nanopulse.metrics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything metrics keeps about one patent. A row without a filing is "parked": a grant or deal that
 * arrived before its patent, applied when the filing comes. A retracted patent ({@code retractedBy}, the
 * retraction's eventId) keeps nothing else: it is a tombstone that every later event of the patent leaves as it is.
 *
 * @param deals          its deals in the order applied (the first one's date is {@link #firstDealDate()})
 * @param retractedDeals eventIds of deals taken back: such a deal never counts again, even if it arrives later
 */
public record PatentState(String patentId, Filing filing, LocalDate grantDate, List<Deal> deals,
                          List<String> retractedDeals, String retractedBy) {

    /** Deals kept per patent: further ones would not change any figure (the patent is licensed already). */
    public static final int MAX_DEALS = 1000;

    public PatentState {
        deals = List.copyOf(deals);
        retractedDeals = List.copyOf(retractedDeals);
    }

    public static PatentState empty(String patentId) {
        return new PatentState(patentId, null, null, List.of(), List.of(), null);
    }

    public boolean filed() {
        return filing != null;
    }

    public boolean granted() {
        return grantDate != null;
    }

    public boolean licensed() {
        return !deals.isEmpty();
    }

    public boolean retracted() {
        return retractedBy != null;
    }

    /** The effective date of the first deal still standing; null when there is none. */
    public LocalDate firstDealDate() {
        return deals.isEmpty() ? null : deals.get(0).effectiveDate();
    }

    public boolean hasDeal(String eventId) {
        for (Deal d : deals) {
            if (eventId.equals(d.eventId())) {
                return true;
            }
        }
        return false;
    }

    PatentState withFiling(Filing f) {
        return new PatentState(patentId, f, grantDate, deals, retractedDeals, retractedBy);
    }

    PatentState withGrant(LocalDate date) {
        return new PatentState(patentId, filing, date, deals, retractedDeals, retractedBy);
    }

    PatentState withDeal(Deal deal) {
        var more = new ArrayList<Deal>(deals.size() + 1);
        more.addAll(deals);
        more.add(deal);
        return new PatentState(patentId, filing, grantDate, more, retractedDeals, retractedBy);
    }

    /** Without the deal of this eventId, which is remembered as taken back. */
    PatentState withoutDeal(String eventId) {
        var left = new ArrayList<Deal>(deals.size());
        for (Deal d : deals) {
            if (!eventId.equals(d.eventId())) {
                left.add(d);
            }
        }
        var taken = new ArrayList<String>(retractedDeals.size() + 1);
        taken.addAll(retractedDeals);
        taken.add(eventId);
        return new PatentState(patentId, filing, grantDate, left, taken, retractedBy);
    }

    /** The tombstone of a retracted patent. */
    static PatentState tombstone(String patentId, String retractionEventId) {
        return new PatentState(patentId, null, null, List.of(), List.of(), retractionEventId);
    }
}
