package io.nanopulse.testkit.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.Json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A messy event stream (duplicates, re-filings under new ids, deals before filings, second deals,
 * grants, poison records) and an independent, straightforward recomputation of what it should count.
 */
public final class MessyStream {
    public record Record(String key, String value) {
    }

    public record Filing(String country, String institution, String sector, String city, LocalDate date) {
    }

    static final String[] COUNTRIES = {"CN", "CN", "CN", "CN", "US", "US", "JP", "KR", "DE", "TW"};
    static final String[] INSTITUTIONS = {"Chinese Academy of Sciences", "CHINESE  ACADEMY OF SCIENCES", "INST OF PHYSICS CAS",
            "Tsinghua University", "Samsung Electronics", "IBM", "Toshiba", "Fraunhofer", "Zhejiang University"};
    static final String[] SECTORS = {"SEMICONDUCTORS", "MATERIALS", "BIOMEDICINE", "ENERGY"};
    static final String[] CITIES = {"Beijing", "Shanghai", "shenzhen", " Suzhou ", null};

    public final List<Record> records = new ArrayList<>();
    public final int poison;
    private final Map<String, Filing> filings = new HashMap<>();
    private final Set<String> licensed = new HashSet<>();
    private final Set<String> granted = new HashSet<>();

    public MessyStream(long seed, int patents) {
        Random r = new Random(seed);
        var perPatent = new ArrayList<List<ObjectNode>>();
        for (int i = 0; i < patents; i++) {
            String id = "CN" + (1000000 + i) + "A";
            var seq = new ArrayList<ObjectNode>();
            ObjectNode filed = Json.mapper().createObjectNode().put("type", "PATENT_FILED").put("eventId", "f-" + i)
                    .put("patentId", id).put("country", COUNTRIES[r.nextInt(COUNTRIES.length)])
                    .put("institution", INSTITUTIONS[r.nextInt(INSTITUTIONS.length)])
                    .put("sector", SECTORS[r.nextInt(SECTORS.length)])
                    .put("filingDate", LocalDate.of(2012, 1, 1).plusDays(r.nextInt(365 * 13)).toString());
            String city = CITIES[r.nextInt(CITIES.length)];
            if (city != null) filed.put("city", city);
            ObjectNode deal = Json.mapper().createObjectNode().put("type", r.nextBoolean() ? "PATENT_LICENSED" : "PATENT_TRANSFERRED")
                    .put("eventId", "d-" + i).put("patentId", id).put("counterparty", "Buyer " + r.nextInt(50))
                    .put("counterpartyCountry", "CN").put("effectiveDate", "2024-05-01");
            int shape = r.nextInt(100);
            if (shape < 8) {            // deal before filing
                seq.add(deal);
                seq.add(filed);
            } else if (shape < 14) {    // filing, two deals (second must not count again)
                seq.add(filed);
                seq.add(deal);
                seq.add(deal.deepCopy().put("eventId", "d2-" + i));
            } else if (shape < 20) {    // exact resend (same eventId)
                seq.add(filed);
                seq.add(filed.deepCopy());
            } else if (shape < 24) {    // same patent again under a new id with other facts: first filing wins
                seq.add(filed);
                seq.add(filed.deepCopy().put("eventId", "f2-" + i).put("country", "US"));
            } else if (shape < 30) {    // granted
                seq.add(filed);
                seq.add(Json.mapper().createObjectNode().put("type", "PATENT_GRANTED").put("eventId", "g-" + i)
                        .put("patentId", id).put("grantDate", "2025-01-01"));
            } else {
                seq.add(filed);
            }
            perPatent.add(seq);
        }
        // Interleave patents at random while each patent keeps its own order (Kafka keeps per-key order).
        var cursors = new ArrayList<Integer>(Collections.nCopies(patents, 0));
        var open = new ArrayList<Integer>();
        for (int i = 0; i < patents; i++) open.add(i);
        while (!open.isEmpty()) {
            int slot = r.nextInt(open.size());
            int p = open.get(slot);
            ObjectNode e = perPatent.get(p).get(cursors.get(p));
            cursors.set(p, cursors.get(p) + 1);
            if (cursors.get(p) == perPatent.get(p).size()) {
                open.set(slot, open.get(open.size() - 1));
                open.remove(open.size() - 1);
            }
            records.add(new Record(e.get("patentId").asText(), e.toString()));
            expect(e);
        }
        records.add(records.size() / 2, new Record("CN999999A", "{not json"));
        records.add(records.size() / 3, new Record("CN999998A",
                "{\"type\":\"PATENT_FILED\",\"eventId\":\"bad\",\"patentId\":\"CN999998A\",\"country\":\"XX\","
                        + "\"institution\":\"x\",\"sector\":\"MATERIALS\",\"filingDate\":\"2020-01-01\"}"));
        poison = 2;
    }

    private void expect(ObjectNode e) {
        String id = e.get("patentId").asText();
        switch (e.get("type").asText()) {
            case "PATENT_FILED" -> filings.putIfAbsent(id, new Filing(e.get("country").asText(),
                    e.get("institution").asText().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT),
                    e.get("sector").asText(), e.has("city") ? e.get("city").asText().trim().toLowerCase(Locale.ROOT) : null,
                    LocalDate.parse(e.get("filingDate").asText())));
            case "PATENT_GRANTED" -> granted.add(id);
            default -> licensed.add(id);
        }
    }

    /** {filings, licensed, granted} of patents matching the subject, filed in [from, to]. */
    public long[] expected(Predicate<Filing> subject, LocalDate from, LocalDate to) {
        long f = 0, l = 0, g = 0;
        for (var e : filings.entrySet()) {
            Filing x = e.getValue();
            if (subject.test(x) && !x.date().isBefore(from) && !x.date().isAfter(to)) {
                f++;
                if (licensed.contains(e.getKey())) l++;
                if (granted.contains(e.getKey())) g++;
            }
        }
        return new long[]{f, l, g};
    }
}
