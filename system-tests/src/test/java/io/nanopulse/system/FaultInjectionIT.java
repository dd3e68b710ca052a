package io.nanopulse.system;

import io.nanopulse.loadgen.Replay;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.platform.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault-injection suite. One replay of the calibrated corpus goes through the gateway, paced so
 * that it spans every fault, with alert rules and a webhook receiver active, while these happen one after
 * another: metrics-service and alerts-service killed with SIGKILL and restarted; the Kafka broker stopped
 * mid-ingest and restarted (clients see 503 and retry); PostgreSQL stopped and restarted; the webhook
 * receiver down, then up; a burst of invalid and hostile input mixed into the traffic. At the end every
 * figure equals the generator's independent record of what was accepted, the hostile burst was refused
 * and counted nowhere, and every alert transition reached the receiver under exactly one webhook-id.
 *
 * <p>Scale, chosen so CI (two cores) spends a few minutes; {@code deploy/bench/fault-injection.sh} runs it
 * larger: {@code -Dnanopulse.fault.scale} (corpus scale, 0.02 ≈ 25,000 events), {@code .rounds} (times the
 * whole fault sequence runs, 1), {@code .outageSeconds} (Kafka and PostgreSQL down, 20; keep it above
 * ingest's 15 s publish timeout, or requests merely wait instead of seeing 503), {@code .receiverDownSeconds} (60).
 */
class FaultInjectionIT {
    static final double SCALE = Double.parseDouble(System.getProperty("nanopulse.fault.scale", "0.02"));
    static final int ROUNDS = Integer.getInteger("nanopulse.fault.rounds", 1);
    static final int OUTAGE_SECONDS = Integer.getInteger("nanopulse.fault.outageSeconds", 20);
    static final int RECEIVER_DOWN_SECONDS = Integer.getInteger("nanopulse.fault.receiverDownSeconds", 60);
    static final Duration READY = Duration.ofSeconds(120);
    static final Set<String> NOTIFYING = Set.of("FIRING", "RESOLVED", "REMINDER");
    static final String KAFKA_OUTAGE = "Kafka broker stopped " + OUTAGE_SECONDS + " s mid-ingest";

    static LocalPlatform platform;
    static WebhookReceiver receiver;

    /** A fault the platform must survive: injected and healed while the replay runs. */
    private record Fault(String name, Step step) {
    }

    private interface Step {
        void run() throws Exception;
    }

    private Replay replay;
    private String alertsKey;
    private String subscriber;
    private final List<String> rules = new ArrayList<>();
    /** Rules created while the receiver was down (their notification fell due then), one per round. */
    private final List<String> rulesDuringReceiverOutage = new ArrayList<>();
    private final Map<String, Integer> survived = new LinkedHashMap<>();
    /** 503 answers the replay saw from the start of each fault until events were accepted again, per round. */
    private final Map<String, List<Long>> unavailable = new LinkedHashMap<>();
    private final List<HostileBurst.Outcome> hostile = new ArrayList<>();

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        // Delivery retries close together (1 s, doubling, at most a fifth of the receiver's outage apart), so a
        // notification held back by the outage goes out soon after the receiver is back, and the 15 attempts
        // outlast the outage.
        var settings = Platforms.withEnv(Platforms.withLocalWebhooks("faults"), "alerts-service", Map.of(
                "NANOPULSE_ALERTS_DELIVERY_RETRY_INITIAL_INTERVAL", "1s",
                "NANOPULSE_ALERTS_DELIVERY_RETRY_MULTIPLIER", "2",
                "NANOPULSE_ALERTS_DELIVERY_RETRY_MAX_INTERVAL", Math.max(10, RECEIVER_DOWN_SECONDS / 5) + "s"));
        platform = new LocalPlatform(settings);
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void replayUnderFaultsEndsExactWithEachTransitionDeliveredOnce() throws Exception {
        long t0 = System.nanoTime();
        alertsKey = Platforms.issueKey(platform, "fault-alerts", List.of("alerts", "read"));
        String hostileKey = Platforms.issueKey(platform, "fault-hostile", List.of("ingest", "read"));
        // Paced to last about twice the planned fault time; the rest goes at full speed after the last fault.
        double plannedSeconds = 2.0 * ROUNDS * (90 + 2 * OUTAGE_SECONDS + RECEIVER_DOWN_SECONDS);
        replay = Replay.prepare(platform.gatewayUrl(), platform.adminKey(), 8, SCALE, 1000);
        long events = replay.events();
        subscriber = createSubscriber();
        createRules(events);

        replay.start(events / plannedSeconds);
        await().atMost(Duration.ofSeconds(60)).until(() -> replay.accepted() > 0);
        for (int round = 0; round < ROUNDS; round++) {
            for (Fault fault : faults(hostileKey)) {
                if (replay.finished()) replay.await(Duration.ZERO); // a sending failure surfaces here with its cause
                assertFalse(replay.finished(), fault.name() + " must land while the replay is still sending");
                long before = replay.unavailable();
                fault.step().run();
                awaitIngestFlows(fault.name());
                survived.merge(fault.name(), 1, Integer::sum);
                unavailable.computeIfAbsent(fault.name(), k -> new ArrayList<>()).add(replay.unavailable() - before);
            }
        }
        replay.fullSpeed();
        replay.await(Duration.ofMinutes(10));

        // 1. Every figure equals the independent recomputation from what the sender saw accepted.
        Map<String, Object> verdict = replay.verify(Duration.ofMinutes(3));
        assertEquals(true, verdict.get("exact"), "figures differ from the generator's record: " + verdict.get("mismatches"));

        // 2. The hostile burst was refused, and none of it counted (its near-valid events all name NZ).
        assertFalse(hostile.isEmpty(), "the hostile burst was sent");
        for (var o : hostile) assertTrue(o.refused(), "hostile input not refused: " + o);
        assertEquals(0, figures(replay.key(), "COUNTRY", HostileBurst.COUNTRY).getLong("filings"), "hostile filings counted");

        // 3. Each Kafka outage surfaced as 503s, which the sender retried until accepted (the replay finished).
        List<Long> kafka503s = unavailable.get(KAFKA_OUTAGE);
        assertEquals(ROUNDS, kafka503s.size());
        for (long n : kafka503s) assertTrue(n > 0, "503s seen while Kafka was down, per round: " + kafka503s);

        // 4. Every notifying transition alerts-service recorded reached the receiver under exactly one webhook-id.
        Deliveries d = checkDeliveries();

        printSummary(events, d, (System.nanoTime() - t0) / 1e9);
    }

    private List<Fault> faults(String hostileKey) {
        return List.of(
                new Fault("kill -9 metrics-service, restart", () -> crash(platform.service("metrics-service"))),
                new Fault("kill -9 alerts-service, restart", () -> crash(platform.service("alerts-service"))),
                new Fault("burst of invalid and hostile input", () -> hostile.addAll(new HostileBurst(platform.gatewayUrl(), hostileKey).send())),
                new Fault(KAFKA_OUTAGE, () -> {
                    platform.kafka().stop();
                    Thread.sleep(OUTAGE_SECONDS * 1000L);
                    platform.kafka().launch();
                }),
                new Fault("PostgreSQL stopped " + OUTAGE_SECONDS + " s", () -> {
                    platform.postgres().stop();
                    Thread.sleep(OUTAGE_SECONDS * 1000L);
                    platform.postgres().restart();
                }),
                new Fault("webhook receiver down " + RECEIVER_DOWN_SECONDS + " s", () -> {
                    receiver.down();
                    // A rule that already holds fires on creation: its notification falls due while nobody listens.
                    String rule = createRule(rule("during-receiver-outage-" + rulesDuringReceiverOutage.size(), "GLOBAL", "", "filings", 0));
                    rulesDuringReceiverOutage.add(rule);
                    Thread.sleep(RECEIVER_DOWN_SECONDS * 1000L);
                    receiver.up();
                }));
    }

    private static void crash(ServiceProcess service) {
        service.kill();
        service.start();
        service.awaitReady(READY);
    }

    /** The replay gets events accepted again after a fault (or has finished). */
    private void awaitIngestFlows(String after) {
        long accepted = replay.accepted();
        await("events accepted again after " + after).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> replay.accepted() > accepted || replay.finished());
    }

    private String createSubscriber() {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(alertsKey).contentType(ContentType.JSON)
                .body(Map.of("name", "faults", "webhookUrl", receiver.url()))
                .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /**
     * Rules that fire during the replay: global filings passing a tenth, two tenths … of the corpus (each fires
     * once), and shares that move as the 25-year back-fill goes from the US- and Japan-led early years to
     * China's lead (these may fire and resolve).
     */
    private void createRules(long events) {
        for (int tenth = 1; tenth <= 8; tenth++) {
            createRule(rule("global-above-" + tenth + "0pct", "GLOBAL", "", "filings", events * tenth / 10));
        }
        createRule(rule("cn-share-above-40pct", "COUNTRY", "CN", "share", 0.40));
        createRule(rule("us-share-above-20pct", "COUNTRY", "US", "share", 0.20));
        createRule(rule("jp-share-above-12pct", "COUNTRY", "JP", "share", 0.12));
    }

    private String createRule(Map<String, Object> body) {
        String id = given().baseUri(platform.gatewayUrl()).auth().oauth2(alertsKey).contentType(ContentType.JSON)
                .body(body).post("/api/v1/rules").then().statusCode(201).extract().jsonPath().getString("id");
        rules.add(id);
        return id;
    }

    private Map<String, Object> rule(String name, String kind, String key, String metric, Number threshold) {
        return Map.of("subscriberId", subscriber, "name", name, "subject", Map.of("kind", kind, "key", key),
                "metric", metric, "window", "ALL", "condition", "ABOVE", "threshold", threshold);
    }

    private static JsonPath figures(String key, String kind, String subject) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", kind).queryParam("key", subject).queryParam("window", "ALL")
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    private record Deliveries(int transitions, int delivered, long attempts, int requests) {
    }

    /**
     * Once alerts-service has consumed every metric change and sent every delivery: the notifying transitions
     * it recorded, the deliveries it made and the webhook-ids the receiver saw must match one to one.
     */
    private Deliveries checkDeliveries() throws Exception {
        String bootstrap = platform.kafka().bootstrapServers();
        await("alerts-service consumed every metric change and finished every delivery").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Platforms.lag(bootstrap, "alerts-service", "metric-changes") == 0
                        && deliveries().stream().noneMatch(d -> d.get("status").equals("PENDING")));
        Thread.sleep(2000); // a late duplicate, if any, would arrive now

        Set<String> transitions = new HashSet<>();
        for (String rule : rules) {
            JsonPath state = given().baseUri(platform.gatewayUrl()).auth().oauth2(alertsKey).queryParam("transitions", 200)
                    .get("/api/v1/rules/" + rule + "/state").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> recent = state.getList("recentTransitions");
            assertEquals(state.getLong("transitionCount"), recent.size(), "every transition of rule " + rule + " listed");
            recent.stream().filter(t -> NOTIFYING.contains((String) t.get("kind")) && t.get("silencedBy") == null)
                    .forEach(t -> transitions.add((String) t.get("id")));
        }
        assertFalse(transitions.isEmpty(), "the replay made some rule change state");

        List<Map<String, Object>> deliveries = deliveries();
        Map<String, String> webhookIdByTransition = new HashMap<>();
        for (var d : deliveries) {
            assertEquals("DELIVERED", d.get("status"), "delivery " + d.get("webhookId"));
            String previous = webhookIdByTransition.put((String) d.get("transitionId"), (String) d.get("webhookId"));
            assertEquals(null, previous, "two deliveries for transition " + d.get("transitionId"));
        }
        assertEquals(transitions, webhookIdByTransition.keySet(), "one delivery per notifying transition");

        var received = receiver.byWebhookId();
        assertEquals(Set.copyOf(webhookIdByTransition.values()), received.keySet(), "webhook-ids received = deliveries made");
        Map<String, String> transitionByWebhookId = webhookIdByTransition.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        received.forEach((webhookId, notifications) -> {
            assertEquals(1, notifications.size(), "webhook-id " + webhookId + " carried one notification: " + notifications);
            assertEquals(transitionByWebhookId.get(webhookId), notifications.iterator().next().transitionId(),
                    "webhook-id " + webhookId + " carried its own transition");
        });
        // The receiver's outage was felt: what fell due meanwhile was refused at first and delivered on a retry.
        for (String rule : rulesDuringReceiverOutage) {
            assertTrue(deliveries.stream().anyMatch(d -> rule.equals(d.get("ruleId")) && (int) d.get("attempts") > 1),
                    "a notification of rule " + rule + " (created while the receiver was down) needed more than one attempt");
        }
        long attempts = deliveries.stream().mapToLong(d -> (int) d.get("attempts")).sum();
        return new Deliveries(transitions.size(), deliveries.size(), attempts, receiver.requests());
    }

    private List<Map<String, Object>> deliveries() {
        var all = new ArrayList<Map<String, Object>>();
        for (int page = 0; ; page++) {
            JsonPath p = given().baseUri(platform.gatewayUrl()).auth().oauth2(alertsKey).queryParam("size", 200).queryParam("page", page)
                    .get("/api/v1/subscribers/" + subscriber + "/deliveries").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = p.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= p.getLong("totalItems")) return all;
        }
    }

    private void printSummary(long events, Deliveries d, double seconds) {
        var out = new StringBuilder();
        out.append(String.format("%n[fault-injection] scale %s, %d round(s), %.0f s%n", SCALE, ROUNDS, seconds));
        out.append(String.format("  %-44s %-9s %s%n", "fault", "survived", "503s retried (per round)"));
        survived.forEach((name, n) -> out.append(String.format("  %-44s %-9d %s%n", name, n, unavailable.get(name))));
        out.append(String.format("  %-44s %,d / %,d / %,d / %,d%n", "events: corpus / sent / accepted / rejected",
                events, replay.submitted(), replay.accepted(), replay.rejected()));
        out.append(String.format("  %-44s %,d (all retries %,d)%n", "503 answers retried", replay.unavailable(), replay.retries()));
        out.append(String.format("  %-44s %d (%d refused)%n", "hostile requests",
                hostile.size(), hostile.stream().filter(HostileBurst.Outcome::refused).count()));
        // One line per kind of hostile request, with its answer in each round.
        hostile.stream().collect(Collectors.groupingBy(HostileBurst.Outcome::what, LinkedHashMap::new,
                        Collectors.mapping(o -> o.status() == 202 ? "202 accepted " + o.accepted() + ", rejected " + o.rejected()
                                : Integer.toString(o.status()), Collectors.joining("; "))))
                .forEach((what, answers) -> out.append(String.format("    %-42s %s%n", what, answers)));
        out.append(String.format("  %-44s %d / %d / %d / %d%n", "transitions / deliveries / attempts / received",
                d.transitions(), d.delivered(), d.attempts(), d.requests()));
        System.out.print(out);
    }
}
