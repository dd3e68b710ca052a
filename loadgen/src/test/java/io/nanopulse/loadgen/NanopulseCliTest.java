package io.nanopulse.loadgen;

import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's parsing: help, version, unknown options, bad values, where the key comes from. */
class NanopulseCliTest {
    private static final String KEY = "np_" + "s".repeat(40);

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Nanopulse.execute(args, new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void helpOnEveryCommandExitsZeroWithUsageOnStdout() {
        for (String[] args : new String[][]{{"--help"}, {"-h"}, {"demo", "--help"}, {"send", "--help"}, {"stats", "--help"},
                {"figures", "--help"}, {"keys", "--help"}, {"keys", "create", "--help"}, {"bench", "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().contains("Usage: nanopulse"), String.join(" ", args) + ": " + r.out());
            assertEquals("", r.err(), String.join(" ", args));
        }
        assertTrue(run("--help").out().contains("demo"), "the top help lists the commands");
    }

    @Test
    void versionExitsZero() {
        Run r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("nanopulse "), r.out());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        Run r = run("demo", "--scael", "0.1");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--scael") && r.err().contains("did you mean --scale?"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badValuesAreOneLineAndExitTwo() {
        for (String[] args : new String[][]{{"demo", "--scale", "abc"}, {"stats", "--scale", "9"}, {"send", "x.ndjson", "--rate", "fast"},
                {"demo", "--mode", "xml"}, {"stats", "--seed"}, {"keys"}, {"figures", "CN", "--gateway", "ftp://x"},
                {"send", "events.txt"}}) {
            Run r = run(Map.of(ApiKey.ENV, KEY), args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aKeyGivenAsAnArgumentIsRefusedWithoutRepeatingIt() {
        for (String[] args : new String[][]{{"figures", "CN", "--key", KEY}, {"demo", "--key=" + KEY}, {"keys", "create", "--key", KEY},
                {"stats", "--key", KEY}, {"--key", KEY, "demo"}, {"stats", KEY}}) {
            Run r = run(args);
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            if (List.of(args).stream().anyMatch(a -> a.startsWith("--key"))) {
                assertTrue(r.err().contains("--key is not accepted"), r.err());
            }
            assertFalse(r.err().contains(KEY), "the key is repeated: " + r.err());
        }
    }

    @Test
    void withoutAKeyTheCommandSaysWhereToPutOne() {
        Run r = run("figures", "CN", "--gateway", "http://127.0.0.1:9");
        assertEquals(2, r.exit());
        assertEquals(List.of("nanopulse figures: an API key is required: set NANOPULSE_API_KEY or pass --key-file FILE"), r.errLines());
    }

    @Test
    void theKeyAndTheGatewayComeFromTheEnvironment() {
        try (var gateway = new HttpStub().route("/api/v1/figures", HttpStub.Reply.json(FIGURES)).start()) {
            Run r = run(Map.of(ApiKey.ENV, KEY, Cli.GATEWAY_ENV, gateway.url()), "figures", "CN", "--window", "P12M");
            assertEquals(0, r.exit(), r.err());
            assertEquals("Bearer " + KEY, gateway.last().header("Authorization"));
            assertEquals("kind=COUNTRY&key=CN&window=P12M", gateway.last().uri().getRawQuery());
            assertTrue(r.out().contains("share") && r.out().contains("43.00%"), r.out());
        }
    }

    @Test
    void theKeyFileComesBeforeTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
        try (var gateway = new HttpStub().route("/api/v1/figures", HttpStub.Reply.json(FIGURES)).start()) {
            Run r = run(Map.of(ApiKey.ENV, "np_other"), "figures", "CN", "--gateway", gateway.url(), "--key-file", file.toString(), "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals("Bearer " + KEY, gateway.last().header("Authorization"));
            assertTrue(r.out().contains("\"filings\" : 430"), r.out());
        }
    }

    @Test
    void anUnreachableGatewayIsOneLineAndExitOne() {
        Run r = run(Map.of(ApiKey.ENV, KEY), "figures", "CN", "--gateway", "http://127.0.0.1:" + Ports.free());
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("cannot connect to the gateway"), r.err());
    }

    @Test
    void aRefusedQueryIsOneLineNamingTheParameter() {
        String problem = "{\"type\":\"https://nanopulse.io/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"window: not a window\",\"field\":\"window\"}";
        try (var gateway = new HttpStub().route("/api/v1/figures", HttpStub.Reply.json(400, problem)).start()) {
            Run r = run(Map.of(ApiKey.ENV, KEY, Cli.GATEWAY_ENV, gateway.url()), "figures", "CN", "--window", "soon");
            assertEquals(2, r.exit());
            assertEquals(List.of("nanopulse figures: GET /api/v1/figures answered 400: Invalid request: window: not a window"), r.errLines());
        }
    }

    @Test
    void keysCreatePrintsOnlyTheKeyOnStdout() {
        String issued = "{\"key\":\"" + KEY + "\",\"apiKey\":{\"id\":7,\"prefix\":\"np_sssss\",\"principal\":\"my-app\",\"roles\":[\"ingest\",\"read\"]}}";
        try (var gateway = new HttpStub().route("/api/v1/admin/keys", HttpStub.Reply.json(201, issued)).start()) {
            Run r = run(Map.of(ApiKey.ENV, "np_admin", Cli.GATEWAY_ENV, gateway.url()), "keys", "create", "--name", "my-app",
                    "--role", "read", "--role", "ingest");
            assertEquals(0, r.exit(), r.err());
            assertEquals(KEY + "\n", r.out());
            assertFalse(r.err().contains(KEY));
            String body = gateway.last().text();
            assertTrue(body.contains("\"principal\":\"my-app\"") && body.contains("[\"read\",\"ingest\"]"), body);
        }
    }

    @Test
    void sendPlacesRefusalsOnTheFileLines() throws Exception {
        Path file = Files.writeString(dir.resolve("events.ndjson"), "{\"eventId\":\"a\"}\n\n{\"eventId\":\"b\"}\n");
        String answer = "{\"accepted\":1,\"rejected\":1,\"duplicates\":0,\"errors\":[{\"line\":2,\"eventId\":\"b\",\"field\":\"type\","
                + "\"reason\":\"is required\"}],\"errorsTruncated\":false}";
        try (var gateway = new HttpStub().route("/api/v1/events", HttpStub.Reply.json(202, answer)).start()) {
            Run r = run(Map.of(ApiKey.ENV, KEY, Cli.GATEWAY_ENV, gateway.url()), "send", file.toString());
            assertEquals(1, r.exit(), "an event was rejected: " + r.err());
            assertTrue(r.out().contains("1 accepted, 1 rejected"), r.out());
            assertTrue(r.out().contains("line 3 (eventId b): type is required"), r.out());
            assertEquals("application/x-ndjson", gateway.last().header("Content-Type"));
            assertEquals("{\"eventId\":\"a\"}\n{\"eventId\":\"b\"}\n", gateway.last().text());
        }
    }

    @Test
    void sendCsvCarriesTheHeaderToImports() throws Exception {
        Path file = Files.writeString(dir.resolve("filings.csv"), "patentId,country,institution,sector,filingDate,city\n"
                + "CN1A,CN,\"Lab,\nNorth\",MATERIALS,2024-01-02,\nUS2A,US,Lab,MATERIALS,2024-01-03,\n");
        String answer = "{\"accepted\":1,\"rejected\":1,\"duplicates\":0,\"errors\":[{\"line\":4,\"field\":\"sector\",\"reason\":\"bad\"}]}";
        try (var gateway = new HttpStub().route("/api/v1/imports", HttpStub.Reply.json(202, answer)).start()) {
            Run r = run(Map.of(ApiKey.ENV, KEY, Cli.GATEWAY_ENV, gateway.url()), "send", file.toString());
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.out().contains("line 4: sector bad"), r.out());
            assertTrue(gateway.last().header("Content-Type").startsWith("text/csv"));
            assertTrue(gateway.last().text().startsWith("patentId,country,institution,sector,filingDate,city\nCN1A,"), gateway.last().text());
        }
    }

    private static final String FIGURES = """
            {"subject":{"kind":"COUNTRY","key":"CN","name":"CN"},"window":{"spec":"P12M","from":"2024-12-06","to":"2025-12-05"},
             "asOf":"2025-12-05","filings":430,"grants":20,"licensed":36,
             "share":{"numerator":430,"denominator":1000,"value":0.43},
             "licensingRate":{"numerator":36,"denominator":430,"value":0.0837209302}}""";

    @Test
    void progressRedrawsInPlaceOnlyWhenTheLauncherSawATerminalOnStderr() {
        assertTrue(Cli.interactive("1"));
        assertFalse(Cli.interactive("0"), "stderr redirected to a file: plain lines");
    }
}
