package io.nanopulse.testkit.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: starts the whole platform on loopback, prints the URLs, and stops everything on Ctrl-C or
 * SIGTERM (deploy/stop.sh). Settings come from NANOPULSE_* environment variables. The admin key is never
 * printed: it stays in its 0600 file ({@link AdminKeyFile}).
 */
public final class Main {
    private Main() {
    }

    private static int port(String env, int dflt) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(env + " must be a port number, got '" + v + "'");
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("nanopulse.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getenv().getOrDefault("NANOPULSE_DATA_DIR", root.resolve(".run").toString())).toAbsolutePath();
        Files.createDirectories(data);
        String chosenKey = System.getenv("NANOPULSE_ADMIN_KEY");
        String adminKey = AdminKeyFile.ensure(data, chosenKey);
        var settings = new LocalPlatform.Settings(root, data, true,
                port("NANOPULSE_POSTGRES_PORT", 5432), port("NANOPULSE_KAFKA_PORT", 9092),
                port("NANOPULSE_GATEWAY_PORT", 8080), port("NANOPULSE_INGEST_PORT", 8081),
                port("NANOPULSE_METRICS_PORT", 8082), port("NANOPULSE_ALERTS_PORT", 8083), adminKey, Map.of(),
                Map.of("gateway", port("NANOPULSE_GATEWAY_MANAGEMENT_PORT", 9080),
                        "ingest-service", port("NANOPULSE_INGEST_MANAGEMENT_PORT", 9081),
                        "metrics-service", port("NANOPULSE_METRICS_MANAGEMENT_PORT", 9082),
                        "alerts-service", port("NANOPULSE_ALERTS_MANAGEMENT_PORT", 9083)));
        var platform = new LocalPlatform(settings);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Nanopulse...");
            platform.close();
            try {
                Files.deleteIfExists(data.resolve("platform.pid"));
            } catch (java.io.IOException e) {
                // nothing to clean then
            }
            stopped.countDown();
            System.out.println("Stopped.");
        }, "nanopulse-stop"));
        long t0 = System.currentTimeMillis();
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("Nanopulse did not start: " + rootMessage(e));
            System.exit(1);
        }
        Files.writeString(data.resolve("platform.pid"), Long.toString(ProcessHandle.current().pid()));
        System.out.printf("%nNanopulse is up in %.1f s (data in %s, logs in %s)%n", (System.currentTimeMillis() - t0) / 1000.0,
                data, data.resolve("logs"));
        System.out.printf("  gateway (public API, dashboard)  %s/        OpenAPI %s/q/openapi  Swagger UI %s/q/swagger-ui%n",
                platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl());
        for (var s : platform.services().values()) {
            System.out.printf("  %-16s %s  health/metrics %s/q  ready in %d ms  (pid %d, log %s)%n", s.name(), s.url(),
                    s.managementUrl(), platform.readyMillis().get(s.name()), s.pid(), data.resolve("logs").resolve(s.name() + ".log"));
        }
        System.out.printf("  Kafka %s   PostgreSQL 127.0.0.1:%d%n", platform.kafka().bootstrapServers(), platform.postgres().port());
        if (chosenKey != null && !chosenKey.isBlank()) {
            System.out.println("  Admin API key: the one in NANOPULSE_ADMIN_KEY");
        } else {
            System.out.printf("  Admin API key: in %s (owner only); deploy/run.sh --show-admin-key shows it%n",
                    data.resolve(AdminKeyFile.NAME));
        }
        System.out.println("Press Ctrl-C (or run deploy/stop.sh) to stop.");
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
