package io.nanopulse.testkit.quarkus;

import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database of its own (init arg {@code database}): on the
 * server named by NANOPULSE_DB_URL (a JDBC URL of a database the NANOPULSE_DB_USER may use), or on one
 * started once per test JVM under target/ and stopped when the JVM exits.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static PostgresServer server;
    private String database = "nanopulse";

    public static synchronized PostgresServer server() {
        if (server == null) {
            Path dir = Path.of("target", "infra", "pg-" + UUID.randomUUID().toString().substring(0, 8), "data");
            server = PostgresServer.start(dir.toAbsolutePath(), Ports.free(), false, false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        }
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("NANOPULSE_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("NANOPULSE_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("NANOPULSE_DB_PASSWORD", "postgres"));
        }
        String password = "test-" + database;
        server().ensureDatabase(database, password);
        return Map.of("quarkus.datasource.jdbc.url", server().jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the shutdown hook.
    }
}
