package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole corpus as ONE application/x-ndjson request through the gateway, verified like the demo: sets up the
 * holders and their aliases, issues itself an ingest+read key, reads the figures it will check, generates the
 * corpus (before the clock starts), streams it in one POST, and waits until every figure changed by what the
 * generator recorded as accepted.
 */
final class WholeCorpusRequest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WholeCorpusRequest() {
    }

    static Map<String, Object> run(String gatewayUrl, String adminKey, long seed, double scale, long timeoutSeconds) throws Exception {
        var corpus = new Corpus(seed, scale);
        var admin = new Gateway(gatewayUrl, adminKey);
        Institutions.register(admin);
        JsonNode issued = admin.createKey("loadgen-one-request-" + seed, List.of("ingest", "read"), "one NDJSON request (revoked when it ends)");
        String key = issued.path("key").asText();
        try {
            var reader = new Gateway(gatewayUrl, key);
            Map<FigureKey, Truth.Counts> before = Changes.read(reader, List.copyOf(Changes.expected(LoadGen.stats(corpus)).keySet()));
            var events = new ArrayList<Event>();
            corpus.stream(events::addAll);
            var request = HttpRequest.newBuilder(URI.create(gatewayUrl.replaceAll("/$", "") + "/api/v1/events"))
                    .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new NdjsonBody(events.iterator()))).build();
            double startedAt = System.nanoTime() / 1e9;
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            double sendSeconds = System.nanoTime() / 1e9 - startedAt;
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode result = Json.mapper().readTree(response.body());
            var truth = new Truth(corpus);
            account(events, result, truth);
            Map<String, Object> expected = truth.expected();
            var verified = Verification.await(reader, before, Changes.expected(expected), timeoutSeconds, startedAt, System.err);
            var report = new LinkedHashMap<String, Object>();
            report.put("seed", seed);
            report.put("scale", scale);
            report.put("eventsSent", (long) events.size());
            report.put("eventsAccepted", truth.accepted);
            report.put("eventsRejected", truth.rejected);
            report.put("duplicates", result.path("duplicates").asLong());
            report.put("sendSeconds", Math.round(sendSeconds * 100) / 100.0);
            report.put("sendEventsPerSecond", Math.round(events.size() / sendSeconds));
            report.put("appliedSecondsFromFirstRequest", verified.appliedSeconds());
            report.put("endToEndEventsPerSecond", Math.round(truth.accepted / Math.max(0.01, verified.appliedSeconds())));
            report.put("exact", verified.exact());
            report.put("mismatches", verified.mismatches().stream().map(Changes.Mismatch::toString).toList());
            return report;
        } finally {
            admin.revokeKey(issued.path("apiKey").path("id").asLong());
        }
    }

    /**
     * Which events the answer refused: by line when every error is listed, else (the answer lists the first
     * ones only) by count, which must then be exactly the corpus's invalid records.
     */
    static void account(List<Event> events, JsonNode result, Truth truth) {
        long rejected = result.path("rejected").asLong();
        Set<Integer> refused = new HashSet<>();
        for (JsonNode error : result.path("errors")) refused.add(error.path("line").asInt() - 1);
        boolean listed = !result.path("errorsTruncated").asBoolean(false) && refused.size() == rejected;
        long invalid = events.stream().filter(e -> !e.valid()).count();
        if (!listed && rejected != invalid) {
            throw new IllegalStateException("the platform refused " + rejected + " events; the corpus holds " + invalid + " invalid ones");
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (listed ? refused.contains(i) : !e.valid()) truth.rejected(e);
            else truth.accepted(e);
        }
    }

    /** The events as NDJSON bytes, one line each, encoded as the request reads them. */
    private static final class NdjsonBody extends InputStream {
        private final Iterator<Event> events;
        private byte[] line = new byte[0];
        private int at;

        NdjsonBody(Iterator<Event> events) {
            this.events = events;
        }

        private boolean fill() {
            while (at == line.length) {
                if (!events.hasNext()) return false;
                line = (events.next().json() + "\n").getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? line[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            int n = 0;
            while (n < len && fill()) {
                int k = Math.min(len - n, line.length - at);
                System.arraycopy(line, at, b, off + n, k);
                at += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }
    }
}
