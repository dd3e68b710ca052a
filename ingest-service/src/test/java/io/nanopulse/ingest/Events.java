package io.nanopulse.ingest;

import java.time.LocalDate;

/** Valid contract-v1 events as JSON text, for the tests. */
public final class Events {
    /** Media types said with their charset: RestAssured would otherwise label NDJSON and CSV as ISO-8859-1. */
    public static final String NDJSON_UTF8 = "application/x-ndjson; charset=UTF-8";
    public static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private Events() {
    }

    public static String filed(String eventId, String patentId) {
        return "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId
                + "\",\"country\":\"CN\",\"institution\":\"Tsinghua University\",\"sector\":\"MATERIALS\","
                + "\"filingDate\":\"2021-03-04\",\"city\":\"Beijing\"}";
    }

    public static String granted(String eventId, String patentId) {
        return "{\"type\":\"PATENT_GRANTED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId
                + "\",\"grantDate\":\"" + LocalDate.now().minusDays(3) + "\"}";
    }

    public static String array(String... events) {
        return "[" + String.join(",", events) + "]";
    }
}
