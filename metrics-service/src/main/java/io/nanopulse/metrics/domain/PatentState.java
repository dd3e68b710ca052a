package io.nanopulse.metrics.domain;

import java.time.LocalDate;

/**
 * Everything metrics keeps about one patent. A row without a filing is "parked": a grant or deal that
 * arrived before its patent, applied when the filing comes.
 */
public record PatentState(String patentId, Filing filing, LocalDate grantDate, LocalDate firstDealDate) {

    public static PatentState empty(String patentId) {
        return new PatentState(patentId, null, null, null);
    }

    public boolean filed() {
        return filing != null;
    }

    public boolean granted() {
        return grantDate != null;
    }

    public boolean licensed() {
        return firstDealDate != null;
    }
}
