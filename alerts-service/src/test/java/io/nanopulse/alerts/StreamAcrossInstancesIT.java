package io.nanopulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.alerts.support.EventStream;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged instances, A and B, on one database. A stream connected to either sees every transition of
 * its subscriber once, in commit order, whichever instance committed it. Periodic evaluation is off and
 * nothing is published on metric-changes, so a transition is committed by the instance that received the
 * rule's POST or PUT (a saved rule is evaluated at once, there).
 */
class StreamAcrossInstancesIT {
    private static final String DATABASE = "alerts_streams";
    private static final String PASSWORD = "streams-pw";
    private static final String OWNER = "streams-owner";
    private static final Instance A = new Instance("a");
    private static final Instance B = new Instance("b");

    @BeforeAll
    static void start() throws Exception {
        PostgresTestResource.server().ensureDatabase(DATABASE, PASSWORD);
        String metricsUrl = new MetricsStub().start().get("quarkus.rest-client.metrics.url");
        A.launch(metricsUrl);
        B.launch(metricsUrl);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        A.stop();
        B.stop();
    }

    @Test
    void everyStreamSeesEveryInstancesTransitionsOnceInCommitOrder() throws Exception {
        String sub = subscriber();
        try (EventStream onA = EventStream.open(A.port, OWNER, sub); EventStream onB = EventStream.open(B.port, OWNER, sub)) {
            List<String> expected = new ArrayList<>();
            String r1 = firingRule(B, sub);                   // committed by B
            expected.add(r1 + " FIRING 1");
            assertEquals(expected, seen(onA, 1));
            String r2 = firingRule(A, sub);                   // committed by A, A's own stream included
            expected.add(r2 + " FIRING 1");
            assertEquals(expected.subList(1, 2), seen(onA, 1));
            resolve(B, r1);                                    // committed by B
            expected.add(r1 + " RESOLVED 2");
            assertEquals(expected.subList(2, 3), seen(onA, 1));
            // A last transition: a duplicate of any earlier one, from either path, would arrive before it.
            String r3 = firingRule(B, sub);
            expected.add(r3 + " FIRING 1");
            assertEquals(expected.subList(3, 4), seen(onA, 1));
            assertEquals(expected, seen(onB, 4), "B's stream: the same transitions, once each, in the same order");
        }
    }

    @Test
    void aLostListenerEndsItsStreamsAndShowsInReadinessUntilItListensAgain() throws Exception {
        String sub = subscriber();
        EventStream before = EventStream.open(A.port, OWNER, sub);
        try (Connection admin = DriverManager.getConnection(PostgresTestResource.server().jdbcUrl("postgres"), "postgres", "postgres");
             Statement st = admin.createStatement()) {
            // The listeners cannot connect again until the role may log in again; the pools keep their sessions.
            st.execute("ALTER ROLE " + DATABASE + " NOLOGIN");
            try {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE
                        + "' AND application_name = 'alerts-stream-listener'");
                assertTrue(before.awaitEnd(), "the open stream ended");
                await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(A.readiness("stream-listener")));
            } finally {
                st.execute("ALTER ROLE " + DATABASE + " LOGIN");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(A.readiness("stream-listener"))
                && "UP".equals(B.readiness("stream-listener")));
        try (EventStream after = EventStream.open(A.port, OWNER, sub)) {
            String r1 = firingRule(B, sub);
            String r2 = firingRule(B, sub);
            assertEquals(List.of(r1 + " FIRING 1", r2 + " FIRING 1"), seen(after, 2));
        }
    }

    private static String subscriber() {
        return A.api().body(Map.of("name", "streams")).post("/subscribers").then().statusCode(201).extract().path("id");
    }

    /** A rule saved on {@code on} whose value is already past its threshold: it fires at once, there. */
    private static String firingRule(Instance on, String sub) {
        String key = "inst-" + UUID.randomUUID();
        MetricsStub.set("INSTITUTION", key, "ALL", "share", 0.9);
        return on.api().body(rule(sub, key)).post("/rules").then().statusCode(201).extract().path("id");
    }

    /** Lowers the value and saves the rule again on {@code on}, which re-evaluates it there: it resolves. */
    private static void resolve(Instance on, String ruleId) {
        JsonPath r = on.api().get("/rules/" + ruleId).then().statusCode(200).extract().jsonPath();
        String key = r.getString("subject.key");
        MetricsStub.set("INSTITUTION", key, "ALL", "share", 0.1);
        on.api().body(rule(r.getString("subscriberId"), key)).put("/rules/" + ruleId).then().statusCode(200);
    }

    private static Map<String, Object> rule(String sub, String key) {
        return Map.of("subscriberId", sub, "name", "rule on " + key, "subject", Map.of("kind", "INSTITUTION", "key", key),
                "metric", "share", "window", "ALL", "condition", "ABOVE", "threshold", 0.5);
    }

    /** The next {@code n} events as "rule kind seq". */
    private static List<String> seen(EventStream stream, int n) throws Exception {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode data = stream.next().get("data");
            got.add(data.get("rule").get("id").asText() + " " + data.get("transition").get("kind").asText() + " "
                    + data.get("transition").get("seq").asLong());
        }
        return got;
    }

    /** One packaged alerts-service on the shared database, with periodic evaluation off. */
    private static final class Instance {
        final String name;
        int port;
        int managementPort;
        Process process;

        Instance(String name) {
            this.name = name;
        }

        void launch(String metricsUrl) throws Exception {
            Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
            assertTrue(Files.exists(jar), "package the application first (mvn verify)");
            port = Ports.free();
            managementPort = Ports.free();
            Map<String, String> props = new HashMap<>();
            props.put("quarkus.http.port", Integer.toString(port));
            props.put("quarkus.management.port", Integer.toString(managementPort));
            props.put("quarkus.datasource.jdbc.url", PostgresTestResource.server().jdbcUrl(DATABASE));
            props.put("quarkus.datasource.username", DATABASE);
            props.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
            props.put("mp.messaging.incoming.metric-changes.group.id", "alerts-streams-it");
            props.put("quarkus.rest-client.metrics.url", metricsUrl);
            props.put("nanopulse.alerts.evaluation.interval", "off");
            props.put("nanopulse.alerts.stream.reconnect-backoff", "200ms");
            props.put("nanopulse.alerts.stream.max-reconnect-backoff", "1s");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m"));
            props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("-jar");
            cmd.add(jar.toString());
            File log = Path.of("target", "streams-" + name + ".log").toFile();
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().put("NANOPULSE_INTERNAL_SIGNING_KEYS", GatewayProof.TEST_KEYS);
            builder.environment().put("NANOPULSE_ALERTS_DB_PASSWORD", PASSWORD); // secrets never on a command line
            process = builder.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> RestAssured.given().port(managementPort).get("/q/health/ready").statusCode() == 200);
        }

        RequestSpecification api() {
            return RestAssured.given().port(port).filter(GatewayProof.as(OWNER, "alerts")).contentType(ContentType.JSON);
        }

        /** The status of one readiness check. */
        String readiness(String check) {
            JsonPath health = RestAssured.given().port(managementPort).get("/q/health/ready").then().extract().jsonPath();
            return health.getString("checks.find { it.name == '" + check + "' }.status");
        }

        void stop() throws InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
    }
}
