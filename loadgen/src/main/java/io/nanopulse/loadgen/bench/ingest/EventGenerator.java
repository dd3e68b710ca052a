package io.nanopulse.loadgen.bench.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes deterministic, valid contract-v1 events (about 230 bytes of JSON each: 80% filings, 10% grants,
 * 10% licences) to stdout, as NDJSON or as JSON arrays, one array per line (for the batch load driver).
 * Usage: EventGenerator <ndjson|batches> <count> <batchSize> <runId> (deploy/bench/ingest-bench.sh).
 */
public final class EventGenerator {
    static final String[] COUNTRIES = {"CN", "US", "JP", "KR", "DE", "FR", "GB", "IN", "TW", "CH"};
    static final String[] SECTORS = {"SEMICONDUCTORS", "MATERIALS", "BIOMEDICINE", "ENERGY", "CATALYSIS",
            "ENVIRONMENT", "OTHER"};
    static final String[] CITIES = {"Shanghai", "Boston", "Tokyo", "Seoul", "Munich", "Paris", "London", "Bangalore",
            "Hsinchu", "Zurich"};

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        long count = Long.parseLong(args[1]);
        int batch = Integer.parseInt(args[2]);
        String run = args[3];
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            if (mode.equals("ndjson")) {
                for (long i = 0; i < count; i++) {
                    out.write(event(run, i).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            } else {
                for (long start = 0; start < count; start += batch) {
                    out.write('[');
                    for (long i = start; i < Math.min(count, start + batch); i++) {
                        if (i > start) {
                            out.write(',');
                        }
                        out.write(event(run, i).getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(']');
                    out.write('\n');
                }
            }
        }
    }

    /** The i-th event of a run: same input, same bytes. */
    public static String event(String run, long i) {
        int c = (int) (i % COUNTRIES.length);
        String patentId = COUNTRIES[c] + (100_000_000L + i / 10 * 10 + (i % 10 < 8 ? 0 : 1)) + "A";
        int day = (int) (i % 28) + 1;
        int year = 2000 + (int) (i % 25);
        String eventId = "bench-" + run + "-" + i;
        long kind = i % 10;
        if (kind == 8) {
            return "{\"type\":\"PATENT_GRANTED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId
                    + "\",\"grantDate\":\"" + year + "-06-" + two(day) + "\"}";
        }
        if (kind == 9) {
            return "{\"type\":\"PATENT_LICENSED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId
                    + "\",\"counterparty\":\"Licensee Holdings " + (i % 97) + " Ltd\",\"counterpartyCountry\":\""
                    + COUNTRIES[(c + 3) % COUNTRIES.length] + "\",\"effectiveDate\":\"" + year + "-09-" + two(day) + "\"}";
        }
        return "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId
                + "\",\"country\":\"" + COUNTRIES[c] + "\",\"institution\":\"Institute of Nanoscience " + (i % 113)
                + "\",\"sector\":\"" + SECTORS[(int) (i % SECTORS.length)] + "\",\"filingDate\":\"" + year + "-03-"
                + two(day) + "\",\"city\":\"" + CITIES[c] + "\"}";
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
