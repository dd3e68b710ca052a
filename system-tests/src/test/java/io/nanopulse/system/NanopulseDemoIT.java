package io.nanopulse.system;

import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nanopulse demo --scale 0.01}, the packaged command line (loadgen/target/nanopulse.jar) against the
 * packaged platform, on a platform that already holds data: events of its own, and the institution {@code cas}
 * without any alias. The demo sets up the missing aliases, checks what its own events changed, and ends exact.
 */
class NanopulseDemoIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = new LocalPlatform(Platforms.settings("demo"));
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
    }

    @Test
    void theDemoEndsExactOnAPlatformThatAlreadyHoldsData() throws Exception {
        String key = Platforms.issueKey(platform, "first-steps", List.of("ingest", "read"));
        given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("id", "cas", "displayName", "Chinese Academy of Sciences", "country", "CN", "aliases", List.of()))
                .post("/api/v1/institutions").then().statusCode(201);
        given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON).body("""
                [{"type":"PATENT_FILED","eventId":"e-1","patentId":"CN115123456A","country":"CN","institution":"INST OF PHYSICS CAS","sector":"MATERIALS","filingDate":"2021-03-18","city":"Beijing"},
                 {"type":"PATENT_FILED","eventId":"e-2","patentId":"US20240001A","country":"US","institution":"IBM","sector":"SEMICONDUCTORS","filingDate":"2024-01-02"},
                 {"type":"PATENT_LICENSED","eventId":"e-3","patentId":"CN115123456A","counterparty":"Acme","counterpartyCountry":"DE","effectiveDate":"2024-05-01"},
                 {"type":"PATENT_GRANTED","eventId":"e-4","patentId":"US20240001A","grantDate":"2025-01-02"}]
                """).post("/api/v1/events").then().statusCode(202).body("accepted", org.hamcrest.Matchers.equalTo(4));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var g = given().baseUri(platform.gatewayUrl()).auth().oauth2(key).queryParam("kind", "GLOBAL").queryParam("window", "ALL")
                    .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
            return g.getLong("filings") == 2 && g.getLong("licensed") == 1 && g.getLong("grants") == 1;
        });

        Path data = Platforms.repoRoot().resolve("system-tests/target/demo-data-" + System.nanoTime());
        Demo first = demo(data);
        String stdout = first.out();
        String stderr = first.err();

        assertEquals(0, first.exit(), "stdout:\n" + stdout + "\nstderr:\n" + stderr);
        assertTrue(stdout.lines().anyMatch(l -> l.matches("\\s*exact\\s+yes")), stdout);
        assertTrue(stdout.contains("top holder") && stdout.contains("Chinese Academy of Sciences"), stdout);
        // The three ready-made rules fire on the corpus's own headlines: CN > US+JP+KR, CAS is #1, licensing above 8%.
        assertTrue(stdout.lines().anyMatch(l -> l.matches("\\s*headline rules\\s+3 of 3 firing")), stdout);
        assertFalse(stderr.contains("\r"), "no progress bar outside a terminal: " + stderr);
        assertFalse(stdout.contains(platform.adminKey()) || stderr.contains(platform.adminKey()), "the admin key was printed");
        assertTrue(Files.isRegularFile(data.resolve("demo-expected.json")), "the record goes to the data folder");

        // The institution that existed without aliases got them: the filing under a CAS name variant counts for cas.
        long casFilings = given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", "INSTITUTION").queryParam("key", "cas").queryParam("window", "ALL")
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath().getLong("filings");
        long demoCas = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.resolve("demo-expected.json").toFile())
                .path("holders").path("cas").path("filings").asLong();
        assertTrue(demoCas > 200, "the corpus's CAS filings at scale 0.01: " + demoCas);
        assertEquals(demoCas + 1, casFilings);

        // The same corpus again changes nothing: once every event is applied the demo says so, naming the figures.
        Demo again = demo(data);
        assertEquals(1, again.exit(), again.out() + again.err());
        assertTrue(again.err().contains("every event is applied") && again.err().contains("already"), again.err());
        assertTrue(again.err().lines().anyMatch(l -> l.matches("\\s*GLOBAL filings: expected \\+\\d+, saw \\+0")), again.err());
        assertTrue(again.out().lines().anyMatch(l -> l.matches("\\s*exact\\s+no .*")), again.out());
    }

    /** What one run of the packaged command line printed and returned. */
    record Demo(int exit, String out, String err) {
    }

    /** {@code java -jar nanopulse.jar demo --scale 0.01} with the admin key in its environment. */
    private static Demo demo(Path data) throws Exception {
        Path root = Platforms.repoRoot();
        var demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                root.resolve("loadgen/target/nanopulse.jar").toString(), "demo", "--scale", "0.01", "--timeout", "300",
                "--gateway", platform.gatewayUrl(), "--data-dir", data.toString());
        demo.environment().put("NANOPULSE_API_KEY", platform.adminKey());
        Process process = demo.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the demo did not end within 10 minutes");
        var run = new Demo(process.exitValue(), out.get(1, TimeUnit.MINUTES), err.get(1, TimeUnit.MINUTES));
        System.out.println("[NanopulseDemoIT] exit " + run.exit() + "\n" + run.out() + "\n" + run.err());
        return run;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
