package io.nanopulse.testkit.platform;

import io.nanopulse.testkit.infra.KafkaBroker;
import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.infra.PostgresServer;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: PostgreSQL and Kafka (real servers, loopback only), the topics,
 * and the four packaged services, each in its own JVM with a sized heap, started in dependency order
 * and awaited on /q/health/ready of their management ports. Used by the local run (deploy/run.sh) and the
 * cross-service tests.
 */
public final class LocalPlatform implements AutoCloseable {

    /**
     * Where things live and which ports they use. {@code managementPorts}: each service's management port (health,
     * metrics) by service name; a service not listed gets a free one.
     */
    public record Settings(Path repoRoot, Path dataDir, boolean durable, int postgresPort, int kafkaPort,
                           int gatewayPort, int ingestPort, int metricsPort, int alertsPort, String adminKey,
                           Map<String, Map<String, String>> extraEnv, Map<String, Integer> managementPorts) {

        /** Free management ports. */
        public Settings(Path repoRoot, Path dataDir, boolean durable, int postgresPort, int kafkaPort,
                        int gatewayPort, int ingestPort, int metricsPort, int alertsPort, String adminKey,
                        Map<String, Map<String, String>> extraEnv) {
            this(repoRoot, dataDir, durable, postgresPort, kafkaPort, gatewayPort, ingestPort, metricsPort, alertsPort,
                    adminKey, extraEnv, Map.of());
        }

        /** Random free ports and a throw-away data folder: for tests. */
        public static Settings forTests(Path repoRoot, Path dataDir, String adminKey) {
            return new Settings(repoRoot, dataDir, false, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), adminKey, Map.of());
        }
    }

    public static final Map<String, Integer> TOPICS = Map.of("patent-events", 6, "patent-events.dlq", 1, "metric-changes", 3);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The local broker's heap: a laptop's share (production: deploy/kubernetes/base/kafka.yaml). */
    static final String KAFKA_HEAP = "256m";

    private final Settings settings;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Long> readyMillis = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;

    public LocalPlatform(Settings settings) {
        this.settings = settings;
    }

    public static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void requireFree(int port, String what, String setting) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " (" + what + ") is busy on 127.0.0.1; free it or set " + setting);
        }
    }

    public static final List<String> ALL_SERVICES = List.of("metrics-service", "ingest-service", "alerts-service", "gateway");

    public void start() {
        start(ALL_SERVICES);
    }

    /** Starts the infrastructure and the named services only (for tests that need a part). */
    public void start(List<String> names) {
        requireFree(settings.postgresPort(), "PostgreSQL", "NANOPULSE_POSTGRES_PORT");
        requireFree(settings.kafkaPort(), "Kafka", "NANOPULSE_KAFKA_PORT");
        requireFree(settings.gatewayPort(), "gateway", "NANOPULSE_GATEWAY_PORT");
        requireFree(settings.ingestPort(), "ingest-service", "NANOPULSE_INGEST_PORT");
        requireFree(settings.metricsPort(), "metrics-service", "NANOPULSE_METRICS_PORT");
        requireFree(settings.alertsPort(), "alerts-service", "NANOPULSE_ALERTS_PORT");
        settings.managementPorts().forEach((name, port) -> {
            if (names.contains(name)) {
                requireFree(port, name + " management", "NANOPULSE_" + shortName(name) + "_MANAGEMENT_PORT");
            }
        });

        var pg = CompletableFuture.supplyAsync(() -> PostgresServer.start(settings.dataDir().resolve("postgres"),
                settings.postgresPort(), true, settings.durable()));
        var broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.kafkaPort(), KAFKA_HEAP));
        // Wait for both, so that when one fails the other is not left running (and holding its port).
        CompletableFuture.allOf(pg, broker).exceptionally(failure -> null).join();
        if (!pg.isCompletedExceptionally()) postgres = pg.join();
        if (!broker.isCompletedExceptionally()) kafka = broker.join();
        if (postgres == null || kafka == null) {
            close();
            (postgres == null ? pg : broker).join();
        }
        kafka.createTopics(TOPICS);

        // Each service owns one database and a login role of its own, with a password fresh per run.
        var dbEnv = new HashMap<String, Map<String, String>>();
        for (String db : List.of("metrics", "alerts", "gateway")) {
            String password = randomSecret(18);
            postgres.ensureDatabase(db, password);
            dbEnv.put(db, Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db),
                    "QUARKUS_DATASOURCE_USERNAME", db, "QUARKUS_DATASOURCE_PASSWORD", password));
        }
        Path logs = settings.dataDir().resolve("logs");
        SigningKeyFile.ensure(settings.dataDir());
        String bootstrap = kafka.bootstrapServers();
        // Each JVM's memory: JvmSizing.
        add("metrics-service", settings.metricsPort(),
                merge(dbEnv.get("metrics"), Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap)), logs);
        add("ingest-service", settings.ingestPort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap), logs);
        add("alerts-service", settings.alertsPort(), merge(dbEnv.get("alerts"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_REST_CLIENT_METRICS_URL", url(settings.metricsPort()),
                // Links in notifications and answers point at this run's gateway.
                "NANOPULSE_ALERTS_PUBLIC_BASE_URL", url(settings.gatewayPort()) + "/api/v1")), logs);
        add("gateway", settings.gatewayPort(), merge(dbEnv.get("gateway"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_REST_CLIENT_INGEST_URL", url(settings.ingestPort()),
                "QUARKUS_REST_CLIENT_METRICS_URL", url(settings.metricsPort()),
                "QUARKUS_REST_CLIENT_ALERTS_URL", url(settings.alertsPort()),
                "NANOPULSE_INGEST_MANAGEMENT_URL", url(managementPort("ingest-service")),
                "NANOPULSE_METRICS_MANAGEMENT_URL", url(managementPort("metrics-service")),
                "NANOPULSE_ALERTS_MANAGEMENT_URL", url(managementPort("alerts-service")),
                "NANOPULSE_GATEWAY_BOOTSTRAP_ADMIN_KEY", settings.adminKey())), logs);

        services.keySet().retainAll(names);
        services.values().forEach(ServiceProcess::start);
        var waits = new ArrayList<CompletableFuture<Void>>();
        for (ServiceProcess s : services.values()) {
            waits.add(CompletableFuture.runAsync(() -> readyMillis.put(s.name(), s.awaitReady(Duration.ofSeconds(120)))));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The management port of a service as the settings give it, or one free port chosen once. */
    private synchronized int managementPort(String service) {
        return managementPorts.computeIfAbsent(service, s -> {
            Integer configured = settings.managementPorts().get(s);
            return configured != null ? configured : Ports.free();
        });
    }

    private static String shortName(String service) {
        return service.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private void add(String name, int port, Map<String, String> env, Path logs) {
        var all = new HashMap<>(env);
        all.put(SigningKeyFile.ENV, signingKeyFile().toString());
        all.putAll(settings.extraEnv().getOrDefault(name, Map.of()));
        specs.put(name, new Spec(JvmSizing.of(name), Map.copyOf(all)));
        services.put(name, process(name, name, port, managementPort(name)));
    }

    private record Spec(JvmSizing sizing, Map<String, String> env) {
    }

    private final Map<String, Spec> specs = new HashMap<>();

    private ServiceProcess process(String service, String instanceName, int port, int managementPort) {
        Spec spec = specs.get(service);
        var env = new HashMap<>(spec.env());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Path jar = settings.repoRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(instanceName, jar, port, managementPort,
                Stream.concat(spec.sizing().options().stream(), Stream.of("-Djava.io.tmpdir=" + settings.dataDir().resolve("tmp"))).toList(),
                env, settings.dataDir().resolve("logs").resolve(instanceName + ".log"), true);
    }

    /**
     * Starts one more instance of a service with the same settings on ports of its own (scale-out on one
     * machine: same consumer group, same database), named e.g. {@code metrics-service-2}.
     */
    public ServiceProcess addInstance(String service, int instance) {
        ServiceProcess p = process(service, service + "-" + instance, Ports.free(), Ports.free());
        services.put(p.name(), p);
        p.start();
        readyMillis.put(p.name(), p.awaitReady(Duration.ofSeconds(120)));
        return p;
    }

    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) throw new IllegalArgumentException("no service " + name);
        return s;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    public Map<String, Long> readyMillis() {
        return readyMillis;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String gatewayUrl() {
        return url(settings.gatewayPort());
    }

    public String adminKey() {
        return settings.adminKey();
    }

    /** The file of the key that proves forwarded identities to the services (see {@link SigningKeyFile}). */
    public Path signingKeyFile() {
        return settings.dataDir().resolve(SigningKeyFile.NAME);
    }

    @Override
    public void close() {
        var reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        if (kafka != null) kafka.stop();
        if (postgres != null) postgres.close();
    }
}
