package io.nanopulse.system;

import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.platform.AdminKeyFile;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's steps as written, in order, on a fresh packaged platform: the fenced shell blocks of README.md,
 * then the blocks of docs/operations.md marked {@code <!-- readme-steps: run -->}, run in one bash. Only the
 * gateway's address is put in for README's {@code http://127.0.0.1:8080}; {@code deploy/run.sh
 * --show-admin-key} runs as is, on this platform's data folder. A README block that cannot run here (it
 * starts the platform, runs the tests or the demo) is marked {@code <!-- readme-steps: skip (why) -->}; a
 * block in another language ({@code text}, {@code json}) is no step. Every {@code curl} goes through a shell
 * function that records its arguments (keys masked), exit code, HTTP status and answer, so each step is
 * checked against what README says it answers; a live stream ({@code -N}) is ended after a few seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeStepsIT {
    /** README's blocks that may be skipped: starting the platform, the test run, the demo (two ways). */
    private static final int MAX_SKIPPED = 4;
    private static final String README_GATEWAY = "http://127.0.0.1:8080";

    static LocalPlatform.Settings settings;
    static LocalPlatform platform;
    static HttpStub receiver;

    /** One fenced block: where it is, its text, and whether it runs. */
    record Block(String where, String text, boolean run) {
    }

    /** One curl the steps ran. */
    record Step(int n, String where, List<String> args, int exitCode, int status, String out) {
        boolean has(String arg) {
            return args.contains(arg);
        }

        String url() {
            return args.stream().filter(a -> a.startsWith("http://")).findFirst().orElse("");
        }

        String method() {
            return args.contains("-d") ? "POST" : "GET";
        }

        JsonPath json() {
            return JsonPath.from(out);
        }

        @Override
        public String toString() {
            return "#" + n + " (" + where + ") curl " + String.join(" ", args) + " -> exit " + exitCode + ", HTTP " + status
                    + ": " + (out.length() > 400 ? out.substring(0, 400) + "…" : out);
        }
    }

    @BeforeAll
    static void start() {
        settings = Platforms.withLocalWebhooks("readme");
        platform = new LocalPlatform(settings);
        platform.start();
        // Where deploy/run.sh --show-admin-key finds the key: the local run's file, in this platform's folder.
        AdminKeyFile.ensure(settings.dataDir(), platform.adminKey());
        receiver = new HttpStub().route("/hook", HttpStub.Reply.empty(204)).start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) receiver.close();
        if (platform != null) platform.close();
    }

    /** The fenced blocks of a Markdown file; {@code optIn}: only blocks marked run are steps. */
    static List<Block> blocks(Path file, boolean optIn) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> out = new ArrayList<>();
        String marker = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                if (!line.isBlank()) marker = line.strip();
                continue;
            }
            String info = line.substring(3).strip();
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            boolean shell = info.isEmpty() || List.of("sh", "bash", "shell").contains(info);
            boolean marked = marker.startsWith("<!-- readme-steps:");
            boolean run = shell && (optIn ? marker.equals("<!-- readme-steps: run -->") : !(marked && marker.contains("skip")));
            if (shell && (!optIn || marked)) {
                out.add(new Block(file.getFileName() + ":" + (start + 1), text.toString(), run));
            }
            marker = "";
        }
        return out;
    }

    /** Runs the blocks in one bash (set -euo pipefail) and returns every curl it made, in order. */
    static List<Step> run(List<Block> blocks) throws Exception {
        // Owner only: the recorded answers hold the keys and the signing secret the steps created.
        Path dir = Files.createDirectories(settings.dataDir().resolve("readme-steps"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                curl() {
                  local n d rc=0 extra=()
                  n=$(( $(cat "$NP_STEPS/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$NP_STEPS/count"
                  d="$NP_STEPS/$n"; mkdir -p "$d"
                  printf '%s\\0' "${@//Bearer */Bearer ***}" > "$d/args"
                  printf '%s' "$NP_BLOCK" > "$d/block"
                  for a in "$@"; do if [ "$a" = -N ]; then extra=(--max-time 4); fi; done
                  command curl "$@" "${extra[@]}" --write-out '%{stderr}%{http_code}' > "$d/out" 2> "$d/status" || rc=$?
                  echo "$rc" > "$d/rc"
                  cat "$d/out"
                  if [ "$rc" = 28 ] && [ ${#extra[@]} -gt 0 ]; then return 0; fi
                  return "$rc"
                }
                """);
        for (Block b : blocks) {
            if (!b.run()) continue;
            script.append("\nNP_BLOCK='").append(b.where()).append("'\necho \"### ").append(b.where()).append("\"\n")
                    .append(b.text().replace(README_GATEWAY, platform.gatewayUrl()));
        }
        Path file = dir.resolve("steps.sh");
        Files.writeString(file, script.toString());
        Path log = dir.resolve("steps.log");
        var pb = new ProcessBuilder("bash", file.toString()).directory(Platforms.repoRoot().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NANOPULSE_DATA_DIR", settings.dataDir().toString());
        // deploy/nanopulse's gateway when no --gateway is given (README's default is the local run's 8080).
        pb.environment().put("NANOPULSE_GATEWAY", platform.gatewayUrl());
        pb.environment().put("NP_STEPS", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the steps did not end");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), "the steps failed (bash -euo pipefail); output:\n" + output);

        List<Step> steps = new ArrayList<>();
        int count = Integer.parseInt(Files.readString(dir.resolve("count")).strip());
        for (int n = 1; n <= count; n++) {
            Path d = dir.resolve(Integer.toString(n));
            String args = Files.readString(d.resolve("args"));
            steps.add(new Step(n, Files.readString(d.resolve("block")),
                    Arrays.asList(args.substring(0, Math.max(0, args.length() - 1)).split("\0", -1)),
                    Integer.parseInt(Files.readString(d.resolve("rc")).strip()),
                    Integer.parseInt(Files.readString(d.resolve("status")).strip()),
                    Files.readString(d.resolve("out"))));
        }
        return steps;
    }

    static Step last(List<Step> steps, String method, Predicate<String> url) {
        return steps.stream().filter(s -> s.method().equals(method) && url.test(s.url()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + method + " step matching in " + steps));
    }

    @Test
    @Order(1)
    void readmeStepsWorkAsWrittenOnAFreshPlatform() throws Exception {
        Path root = Platforms.repoRoot();
        List<Block> readme = blocks(root.resolve("README.md"), false);
        List<Block> runbook = blocks(root.resolve("docs/operations.md"), true);
        List<Block> skipped = readme.stream().filter(b -> !b.run()).toList();
        assertTrue(skipped.size() <= MAX_SKIPPED, "README skips " + skipped.size() + " blocks: " + skipped);
        assertTrue(readme.stream().filter(Block::run).count() >= 4, "README's runnable blocks: " + readme);
        assertEquals(1, runbook.size(), "docs/operations.md's blocks marked to run: " + runbook);
        assertTrue(readme.stream().filter(Block::run).anyMatch(b -> b.text().contains(README_GATEWAY)),
                "README's steps name the gateway " + README_GATEWAY);

        var all = new ArrayList<>(readme);
        all.addAll(runbook);
        List<Step> steps = run(all);

        for (Step s : steps) {
            if (s.has("-N")) {
                // A live stream: open (200) until curl ended it.
                assertEquals(28, s.exitCode(), "the stream stays open: " + s);
            } else {
                assertEquals(0, s.exitCode(), s.toString());
            }
            assertTrue(s.status() >= 200 && s.status() < 300, "README's step answers 2xx: " + s);
        }

        // First calls: a key, one event, figures that show it, rankings and a time series.
        Step keys = last(steps, "POST", u -> u.endsWith("/api/v1/admin/keys"));
        assertEquals(201, keys.status(), keys.toString());
        String key = keys.json().getString("key");
        Step events = last(steps, "POST", u -> u.endsWith("/api/v1/events"));
        assertEquals(202, events.status(), events.toString());
        assertEquals(1, events.json().getInt("accepted"), events.toString());
        Step figures = last(steps, "GET", u -> u.contains("/api/v1/figures?kind=COUNTRY&key=CN&window=ALL"));
        assertEquals(1, figures.json().getInt("filings"), "once applied, the event is the one filing: " + figures);
        Step shareRanking = last(steps, "GET", u -> u.contains("/api/v1/rankings?kind=COUNTRY&metric=share"));
        assertEquals("CN", shareRanking.json().getString("entries[0].subject.key"), shareRanking.toString());
        Step institutions = last(steps, "GET", u -> u.contains("/api/v1/rankings?kind=INSTITUTION&metric=filings&window=2024"));
        assertEquals(1, institutions.json().getInt("entries[0].filings"), institutions.toString());
        Step series = last(steps, "GET", u -> u.contains("/api/v1/timeseries?kind=COUNTRY&key=CN"));
        assertFalse(series.json().getList("points").isEmpty(), series.toString());

        // Alerts: a subscriber whose streamUrl is the public one, a rule that fires, the live stream.
        Step subscriber = last(steps, "POST", u -> u.endsWith("/api/v1/subscribers"));
        assertEquals(201, subscriber.status(), subscriber.toString());
        String sub = subscriber.json().getString("id");
        assertEquals(platform.gatewayUrl() + "/api/v1/subscribers/" + sub + "/stream",
                subscriber.json().getString("streamUrl"));
        Step rule = last(steps, "POST", u -> u.endsWith("/api/v1/rules"));
        assertEquals(201, rule.status(), rule.toString());
        Step stream = last(steps, "GET", u -> u.endsWith("/api/v1/subscribers/" + sub + "/stream"));
        assertEquals(200, stream.status(), stream.toString());
        // README: the rule fires moments after it is saved; its listing (README's command) shows FIRING.
        Step rules = last(steps, "GET", u -> u.endsWith("/api/v1/rules?size=10"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("FIRING",
                given().baseUri(platform.gatewayUrl()).auth().oauth2(key).get(rules.url().substring(platform.gatewayUrl().length()))
                        .then().statusCode(200).extract().jsonPath().getString("items[0].state")));

        // The runbook: the institution first, then its alias; the admin key lists institutions.
        Step created = last(steps, "POST", u -> u.endsWith("/api/v1/institutions"));
        assertEquals(201, created.status(), created.toString());
        Step alias = last(steps, "POST", u -> u.endsWith("/api/v1/institutions/cas/aliases"));
        assertEquals(200, alias.status(), alias.toString());
        Step listed = last(steps, "GET", u -> u.contains("/api/v1/institutions?"));
        assertEquals(List.of("cas"), listed.json().getList("items.id"), listed.toString());
        assertTrue(listed.out().contains("INST OF * CAS") || listed.out().contains("inst of * cas"), listed.toString());
    }

    /** A webhook's links and a subscriber's streamUrl answer through the gateway (figures with a read key). */
    @Test
    @Order(2)
    void notificationLinksAndTheStreamUrlResolveThroughTheGateway() throws Exception {
        String reader = Platforms.issueKey(platform, "readme-links-reader", List.of("read"));
        String owner = Platforms.issueKey(platform, "readme-links", List.of("ingest", "alerts"));
        given().baseUri(platform.gatewayUrl()).auth().oauth2(owner).contentType(ContentType.JSON)
                .body("{\"type\":\"PATENT_FILED\",\"eventId\":\"links-1\",\"patentId\":\"CN115000001A\",\"country\":\"CN\","
                        + "\"institution\":\"Tsinghua University\",\"sector\":\"ENERGY\",\"filingDate\":\"2024-05-02\",\"city\":\"Beijing\"}")
                .post("/api/v1/events").then().statusCode(202);
        JsonPath subscriber = given().baseUri(platform.gatewayUrl()).auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "links", "webhookUrl", receiver.url("/hook")))
                .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath();
        given().baseUri(platform.gatewayUrl()).auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("subscriberId", subscriber.getString("id"), "name", "CN above 40%",
                        "subject", Map.of("kind", "COUNTRY", "key", "CN"), "metric", "share", "window", "P5Y",
                        "condition", "ABOVE", "threshold", 0.40))
                .post("/api/v1/rules").then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.requests("/hook").isEmpty());
        Map<String, String> links = JsonPath.from(receiver.requests("/hook").get(0).text()).getMap("data.links");
        String base = platform.gatewayUrl() + "/api/v1/";
        links.values().forEach(link -> assertTrue(link.startsWith(base), link));
        assertEquals(base + "figures?kind=COUNTRY&key=CN&window=P5Y", links.get("figures"));
        JsonPath figures = given().auth().oauth2(reader).urlEncodingEnabled(false).get(links.get("figures"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CN", figures.getString("subject.key"));
        assertTrue(figures.getInt("filings") >= 1);
        given().auth().oauth2(owner).get(links.get("rule")).then().statusCode(200);
        given().auth().oauth2(owner).get(links.get("state")).then().statusCode(200);

        String streamUrl = subscriber.getString("streamUrl");
        assertTrue(streamUrl.startsWith(base), streamUrl);
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(streamUrl))
                .header("Authorization", "Bearer " + owner).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    stream.headers().toString());
        }
        assertTrue(new String(receiver.requests("/hook").get(0).body(), StandardCharsets.UTF_8).contains("\"FIRING\""));
    }
}
