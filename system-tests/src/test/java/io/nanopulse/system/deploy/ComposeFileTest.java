package io.nanopulse.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/compose/docker-compose.yml, without Docker: the images and services, only the gateway published and
 * only on loopback, a healthcheck on everything long-running (the services' on their management ports), the
 * gateway's probes at the services' management ports, services built from Dockerfiles that exist,
 * secrets from the environment, and topics created with the same settings as the Kubernetes KafkaTopics.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {
    static final Path COMPOSE = Promtool.root().resolve("deploy/compose");
    static final List<String> SERVICES = List.of("ingest-service", "metrics-service", "alerts-service", "gateway");
    static final Pattern CREATE = Pattern.compile("--create --if-not-exists --topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)(.*)");
    static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(COMPOSE.resolve("docker-compose.yml")));
        services = (Map<String, Object>) file.get("services");
    }

    static Map<String, Object> service(String name) {
        var s = (Map<String, Object>) services.get(name);
        assertNotNull(s, "no service " + name);
        return s;
    }

    static Map<String, Object> env(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @Test
    void theServicesAndImages() {
        assertEquals(new TreeSet<>(List.of("kafka-1", "kafka-2", "kafka-3", "kafka-topics", "postgres",
                "ingest-service", "metrics-service", "alerts-service", "gateway")), new TreeSet<>(services.keySet()));
        for (String k : List.of("kafka-1", "kafka-2", "kafka-3", "kafka-topics")) {
            assertEquals("apache/kafka:4.1.2", service(k).get("image"), k);
        }
        assertEquals("postgres:15", service("postgres").get("image"));
        for (String s : SERVICES) {
            var build = (Map<String, Object>) service(s).get("build");
            Path context = COMPOSE.resolve((String) build.get("context")).normalize();
            assertEquals(Promtool.root().resolve(s), context, s + " builds from its module");
            assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))), s + "'s Dockerfile exists");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAndOnlyOnLoopback() {
        for (var e : services.entrySet()) {
            var ports = (List<Object>) ((Map<String, Object>) e.getValue()).get("ports");
            if (e.getKey().equals("gateway")) {
                assertEquals(List.of("127.0.0.1:8080:8080"), ports);
            } else {
                assertEquals(null, ports, e.getKey() + " must not be published");
            }
        }
    }

    /** quarkus.management.port of a service's application.properties. */
    static String managementPort(String service) {
        try {
            var props = new java.util.Properties();
            props.load(Files.newBufferedReader(Promtool.root().resolve(service).resolve("src/main/resources/application.properties")));
            String port = props.getProperty("quarkus.management.port");
            assertNotNull(port, service + " sets no quarkus.management.port");
            return port;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachServicesJvmFitsItsMemoryLimitAndSelectsSerialGcTheImagesWay() {
        for (String s : SERVICES) {
            String limit = String.valueOf(service(s).get("mem_limit"));
            assertTrue(limit.matches("\\d+m"), s + " mem_limit in MiB: " + limit);
            ContainerJvmMemory.assertFits(s, (String) env(s).get("JAVA_OPTS_APPEND"), (String) env(s).get("GC_CONTAINER_OPTIONS"),
                    Long.parseLong(limit.replace("m", "")) << 20);
        }
    }

    @Test
    void theGatewayProbesTheServicesManagementPorts() {
        var gateway = env("gateway");
        for (String s : List.of("ingest", "metrics", "alerts")) {
            assertEquals("http://" + s + "-service:" + managementPort(s + "-service"),
                    gateway.get("NANOPULSE_" + s.toUpperCase(java.util.Locale.ROOT) + "_MANAGEMENT_URL"), s);
        }
    }

    @Test
    void everythingLongRunningHasAHealthcheckAndDependentsWaitForIt() {
        for (var e : services.entrySet()) {
            if (e.getKey().equals("kafka-topics")) continue;
            var health = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("healthcheck");
            assertNotNull(health, e.getKey() + " has no healthcheck");
            String test = String.join(" ", (List<String>) health.get("test"));
            if (SERVICES.contains(e.getKey())) {
                String port = (String) env(e.getKey()).getOrDefault("QUARKUS_MANAGEMENT_PORT", managementPort(e.getKey()));
                assertTrue(test.contains("http://localhost:" + port + "/q/health/ready"), e.getKey() + ": " + test);
            }
        }
        for (String s : SERVICES) {
            var dependsOn = (Map<String, Map<String, String>>) service(s).get("depends_on");
            dependsOn.forEach((dep, cond) -> assertEquals(dep.equals("kafka-topics") ? "service_completed_successfully" : "service_healthy",
                    cond.get("condition"), s + " waits for " + dep));
        }
        assertEquals("service_completed_successfully", ((Map<String, Map<String, String>>) service("metrics-service")
                .get("depends_on")).get("kafka-topics").get("condition"), "no service starts before its topics exist");
    }

    @Test
    void kafkaIsAThreeNodeKraftQuorumWithTheClustersDefaults() {
        Set<String> ids = new TreeSet<>();
        for (String k : List.of("kafka-1", "kafka-2", "kafka-3")) {
            var env = env(k);
            ids.add(String.valueOf(env.get("KAFKA_NODE_ID")));
            assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertEquals("PLAINTEXT://" + k + ":9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
            assertEquals(2, env.get("KAFKA_MIN_INSYNC_REPLICAS"));
            assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        }
        assertEquals(Set.of("1", "2", "3"), ids);
    }

    @Test
    void topicsAreCreatedWithTheKubernetesTopicSettings() {
        KubernetesManifestsTest.build();
        var expected = KubernetesManifestsTest.topicSpecs();
        String script = String.join("\n", (List<String>) service("kafka-topics").get("command"));
        Map<String, String> created = new HashMap<>();
        Matcher m = CREATE.matcher(script);
        while (m.find()) {
            var spec = expected.get(m.group(1));
            assertNotNull(spec, "compose creates " + m.group(1) + ", which Kubernetes does not have");
            assertEquals(spec.path("partitions").asInt(), Integer.parseInt(m.group(2)), m.group(1) + " partitions");
            assertEquals(spec.path("replicas").asInt(), Integer.parseInt(m.group(3)), m.group(1) + " replication");
            spec.path("config").fields().forEachRemaining(c -> assertTrue(m.group(4).contains("--config " + c.getKey() + "=" + c.getValue().asText()),
                    m.group(1) + " lacks --config " + c.getKey() + "=" + c.getValue().asText()));
            created.put(m.group(1), m.group(2));
        }
        assertEquals(expected.keySet(), created.keySet());
    }

    @Test
    void secretsComeFromTheEnvironmentAndEachServiceUsesItsOwnDatabase() throws IOException {
        String example = Files.readString(COMPOSE.resolve(".env.example"));
        Pattern required = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");
        // The one optional secret: e-mail is off without a relay, and a relay may need no login.
        Pattern optional = Pattern.compile("\\$\\{(NANOPULSE_SMTP_PASSWORD):-}");
        for (var e : services.entrySet()) {
            var env = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("environment");
            if (env == null) continue;
            for (var v : env.entrySet()) {
                if (v.getKey().contains("PASSWORD") || v.getKey().endsWith("_KEY")) {
                    Matcher m = required.matcher(String.valueOf(v.getValue()));
                    if (!m.matches()) {
                        m = optional.matcher(String.valueOf(v.getValue()));
                    }
                    assertTrue(m.matches(), e.getKey() + ": " + v.getKey() + " must be a required ${VAR:?...} from .env");
                    assertTrue(example.contains("\n" + m.group(1) + "="), ".env.example lacks " + m.group(1));
                }
            }
        }
        for (var db : Map.of("metrics-service", "metrics", "alerts-service", "alerts", "gateway", "gateway").entrySet()) {
            var env = env(db.getKey());
            assertEquals("jdbc:postgresql://postgres:5432/" + db.getValue(), env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(db.getValue(), env.get("QUARKUS_DATASOURCE_USERNAME"));
            assertTrue(String.valueOf(env.get("QUARKUS_DATASOURCE_PASSWORD")).startsWith("${" + db.getValue().toUpperCase() + "_DB_PASSWORD:?"));
        }
        assertFalse(env("ingest-service").containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "ingest-service has no database");
        String init = Files.readString(COMPOSE.resolve("postgres-init/10-nanopulse-databases.sh"));
        assertTrue(init.contains("for svc in metrics alerts gateway"), "one role and database per service");
        assertTrue(init.contains("REVOKE CONNECT"), "roles cannot connect to the other services' databases");
        assertTrue(((List<String>) service("postgres").get("volumes")).contains("./postgres-init:/docker-entrypoint-initdb.d:ro"));
        assertTrue(Files.isExecutable(COMPOSE.resolve("postgres-init/10-nanopulse-databases.sh")));
    }
}
