package io.nanopulse.system;

import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Invalid and hostile input for {@code POST /api/v1/events}: broken and oversized bodies, a wrong media type,
 * too many events, deep nesting, and batches whose every item is wrong in its own way (wrong types, unknown
 * event types, control characters, oversize strings, injection attempts, impossible dates). Each must be
 * refused as a whole (4xx problem+json) or item by item (202 with nothing accepted). The events that look
 * almost valid all name New Zealand, a country the corpus never files in, so a leak would show there too.
 */
final class HostileBurst {
    /** One hostile request and how the gateway answered it. */
    record Outcome(String what, int status, String contentType, int items, int accepted, int rejected) {
        /** Refused as a whole with a problem document, or every item refused. */
        boolean refused() {
            boolean problem = status >= 400 && status < 500 && contentType != null
                    && contentType.toLowerCase().startsWith("application/problem+json");
            return problem || (status == 202 && accepted == 0 && rejected == items);
        }
    }

    static final String COUNTRY = "NZ";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String key;

    HostileBurst(String gatewayUrl, String key) {
        this.events = URI.create(gatewayUrl + "/api/v1/events");
        this.key = key;
    }

    List<Outcome> send() throws Exception {
        var out = new ArrayList<Outcome>();
        out.add(post("broken JSON", "application/json", "{\"type\":\"PATENT_FILED\",", 1));
        out.add(post("wrong media type", "text/plain", filed("nz-plain", "NZ1000001A", "Callaghan Innovation"), 1));
        out.add(post("XML claiming to be JSON", "application/json", "<event><type>PATENT_FILED</type></event>", 1));
        out.add(post("10,001 events, over the 10,000 limit", "application/json",
                "[" + String.join(",", java.util.Collections.nCopies(10_001, filed("nz-many", "NZ1000002A", "x"))) + "]", 10_001));
        out.add(post("nesting 100,000 deep", "application/json", "[".repeat(100_000) + "]".repeat(100_000), 1));
        out.add(post("empty body", "application/json", "", 0));
        out.add(post("JSON null", "application/json", "null", 1));
        List<String> items = invalidItems();
        out.add(post("batch of " + items.size() + " invalid events", "application/json", "[" + String.join(",", items) + "]", items.size()));
        out.add(post("NDJSON of " + items.size() + " invalid lines and garbage", "application/x-ndjson",
                String.join("\n", items) + "\n", items.size()));
        out.add(post("NDJSON line over 1 MiB", "application/x-ndjson",
                filed("nz-line", "NZ1000003A", "x".repeat(1_200_000)) + "\n", 1));
        return out;
    }

    /** Items each wrong in one way; the ingest contract must refuse every one. */
    private static List<String> invalidItems() {
        var items = new ArrayList<String>();
        items.add(filed("nz-1", "NZ1000010A", "x".repeat(513)));                       // text over 512 characters
        items.add(filed("nz-2", "NZ1000011A", "x".repeat(200_000)));                   // far over
        items.add(filed("nz-3", "NZ1000012A", "Callaghan\\u0000Innovation"));          // NUL
        items.add(filed("nz-4", "NZ1000013A", "Callaghan\\u001bInnovation"));          // escape character
        items.add(filed("nz-5", "NZ1000014A'); DROP TABLE patents;--", "Callaghan"));  // injection in the id
        items.add(filed("nz-6", "NZ1000015A", "Callaghan").replace("\"2024-05-05\"", "20240505"));      // date as a number
        items.add(filed("nz-7", "NZ1000016A", "Callaghan").replace("\"2024-05-05\"", "\"2999-01-01\"")); // future date
        items.add(filed("nz-8", "NZ1000017A", "Callaghan").replace("\"2024-05-05\"", "\"1899-12-31\"")); // before 1900
        items.add(filed("nz-9", "NZ1000018A", "Callaghan").replace("\"NZ\",\"institution\"", "[\"NZ\"],\"institution\""));
        items.add(filed("nz-10", "NZ1000019A", "Callaghan").replace("\"Callaghan\"", "{\"name\":\"Callaghan\"}"));
        items.add(filed("nz-11", "NZ1000020A", "Callaghan").replace("PATENT_FILED", "PATENT_EXPLODED"));
        items.add(filed("nz-12", "NZ1000021A", "Callaghan").replace("\"sector\":\"MATERIALS\"", "\"sector\":\"WEAPONS\""));
        items.add(filed("x".repeat(129), "NZ1000022A", "Callaghan"));                  // eventId over 128
        items.add(filed("nz-14", "NZ1000023A", "Callaghan").replace("\"type\":\"PATENT_FILED\",", ""));
        items.add(filed("nz-15", "NZ1000024A", "Callaghan").replace("\"type\":\"PATENT_FILED\"", "\"type\":7"));
        items.add(filed("nz-16", "NZ1000025A", "Callaghan").replace("\"country\":\"NZ\"", "\"country\":\"WO\""));
        items.add("[]");
        items.add("\"PATENT_FILED\"");
        items.add("42");
        items.add("{}");
        return items;
    }

    private static String filed(String eventId, String patentId, String institution) {
        return "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + eventId + "\",\"patentId\":\"" + patentId + "\",\"country\":\""
                + COUNTRY + "\",\"institution\":\"" + institution + "\",\"sector\":\"MATERIALS\",\"filingDate\":\"2024-05-05\"}";
    }

    private Outcome post(String what, String contentType, String body, int items) throws Exception {
        var request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            // Rate limiting is not a verdict on the input: wait and send the same thing again.
            if (r.statusCode() == 429 && attempt < 10) {
                Thread.sleep(1000);
                continue;
            }
            String type = r.headers().firstValue("Content-Type").orElse(null);
            int accepted = -1;
            int rejected = -1;
            if (r.statusCode() == 202) {
                JsonPath ack = JsonPath.from(r.body());
                accepted = ack.getInt("accepted");
                rejected = ack.getInt("rejected");
            }
            return new Outcome(what, r.statusCode(), type, items, accepted, rejected);
        }
    }
}
