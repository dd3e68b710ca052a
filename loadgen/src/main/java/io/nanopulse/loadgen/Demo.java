package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo on any platform: sets up the calibrated holders and their aliases (idempotently), issues itself an
 * ingest+read+alerts key, reads the figures it will check, sends the corpus, waits until the figures changed by
 * exactly what the generator recorded as accepted, checks the {@linkplain HeadlineRules three headline rules} and
 * reports what a person reads.
 */
final class Demo {
    /** How to send and how long to wait for the figures (seconds). */
    record Settings(long seed, double scale, Sender.Mode mode, int chunk, int concurrency, double rate, long timeoutSeconds) {
        static Settings of(long seed, double scale, long timeoutSeconds) {
            return new Settings(seed, scale, Sender.Mode.NDJSON, 20_000, 2, 0, timeoutSeconds);
        }
    }

    private Demo() {
    }

    /**
     * Runs the demo with an admin key and returns its report; writes the generator's record to {@code expectedFile}.
     * Progress and the wait go to {@code log} ({@code terminal}: a progress bar).
     */
    static Map<String, Object> run(String gatewayUrl, String adminKey, Settings s, Path expectedFile, PrintStream log, boolean terminal)
            throws Exception {
        var corpus = new Corpus(s.seed(), s.scale());
        var admin = new Gateway(gatewayUrl, adminKey);
        log.println("setting up the calibrated institutions and their aliases...");
        Institutions.register(admin);
        HeadlineRules.ensureGroup(admin);
        JsonNode issued = admin.createKey("loadgen-demo-" + s.seed(), List.of("ingest", "read", "alerts"),
                "nanopulse demo (revoked when it ends)");
        try {
            return run(corpus, gatewayUrl, issued.path("key").asText(), s, expectedFile, log, terminal);
        } finally {
            try {
                admin.revokeKey(issued.path("apiKey").path("id").asLong());
            } catch (Exception e) {
                log.println("could not revoke the demo's own key: " + Nanopulse.describe(e));
            }
        }
    }

    private static Map<String, Object> run(Corpus corpus, String gatewayUrl, String key, Settings s, Path expectedFile,
                                           PrintStream log, boolean terminal) throws Exception {
        var reader = new Gateway(gatewayUrl, key);
        Map<String, Object> stats = LoadGen.stats(corpus);
        // Read before sending: what the platform already holds cancels out of the differences.
        Map<FigureKey, Truth.Counts> before = Changes.read(reader, List.copyOf(Changes.expected(stats).keySet()));
        log.printf("sending %,d events (seed %d, scale %s)...%n", (long) stats.get("events"), s.seed(), s.scale());
        Map<String, Object> report = LoadGen.send(corpus, gatewayUrl, key, s, log, terminal);
        Map<String, Object> expected = castMap(report.remove("expected"));
        double startedAt = (double) report.remove("startedAtSeconds");
        Files.createDirectories(expectedFile.toAbsolutePath().getParent());
        Files.writeString(expectedFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected));
        log.println("waiting until the platform shows every accepted event...");
        var result = Verification.await(reader, before, Changes.expected(expected), s.timeoutSeconds(), startedAt, log);
        report.put("appliedSecondsFromFirstRequest", result.appliedSeconds());
        report.put("endToEndEventsPerSecond", Math.round((long) expected.get("eventsAccepted") / Math.max(0.01, result.appliedSeconds())));
        report.put("exact", result.exact());
        report.put("mismatches", result.mismatches().stream().map(Changes.Mismatch::toString).toList());
        report.put("settled", result.settled());
        report.put("alreadyLoaded", !result.exact() && result.settled() && result.mismatches().stream().allMatch(m -> m.seen() == 0));
        report.putAll(headline(reader));
        report.put("headlineRules", HeadlineRules.check(reader, 60, log));
        report.put("expectedFile", expectedFile.toString());
        report.put("expected", expected);
        return report;
    }

    /** China's share and licensing rate, the US, Japan and Korea together, and the top holder, as the platform shows them. */
    static Map<String, Object> headline(Gateway gateway) throws Exception {
        var keys = List.of(new FigureKey("COUNTRY", "CN", "ALL"), new FigureKey("COUNTRY", "US", "ALL"),
                new FigureKey("COUNTRY", "JP", "ALL"), new FigureKey("COUNTRY", "KR", "ALL"), new FigureKey("INSTITUTION", "cas", "ALL"));
        List<JsonNode> f = gateway.figures(keys);
        var out = new LinkedHashMap<String, Object>();
        JsonNode cn = f.get(0);
        long global = cn.path("share").path("denominator").asLong();
        long usJpKr = f.get(1).path("filings").asLong() + f.get(2).path("filings").asLong() + f.get(3).path("filings").asLong();
        out.put("globalFilings", global);
        out.put("cnFilings", cn.path("filings").asLong());
        out.put("cnShare", cn.path("share").path("value").asDouble());
        out.put("usJpKrFilings", usJpKr);
        out.put("usJpKrShare", global == 0 ? 0.0 : Math.round((double) usJpKr / global * 1e10) / 1e10);
        out.put("cnLicensingRate", cn.path("licensingRate").path("value").asDouble());
        out.put("casFilings", f.get(4).path("filings").asLong());
        JsonNode top = gateway.ranking("INSTITUTION", "filings", "ALL", 1).path("entries").path(0);
        if (!top.isMissingNode()) {
            out.put("topHolder", Map.of("id", top.path("subject").path("key").asText(), "name", top.path("subject").path("name").asText(),
                    "filings", top.path("filings").asLong()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
