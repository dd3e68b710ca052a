package io.nanopulse.testkit.platform;

import io.nanopulse.testkit.infra.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service (quarkus-app/quarkus-run.jar) running in its own JVM: its API on one port, its
 * management interface (health, Prometheus metrics) on another.
 */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final Path log;
    private final boolean classDataArchive;
    private Process process;
    private long startMillis;
    /** The archive of this start, or null; and where this start's output begins in the log. */
    private ClassDataArchive archive;
    private boolean archiveUsed;
    private boolean startedWithArchive;
    private long logOffset;

    /** A JVM with this heap, Serial GC and the given options, without a class-data archive. */
    public ServiceProcess(String name, Path jar, int port, int managementPort, String heap, Map<String, String> env, Path log,
                          List<String> jvmArgs) {
        this(name, jar, port, managementPort,
                java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xmx" + heap, "-XX:+UseSerialGC"), jvmArgs.stream()).toList(),
                env, log, false);
    }

    /**
     * @param jvmOptions       every JVM option (heap, GC, ...)
     * @param classDataArchive use the service's {@link ClassDataArchive}, recording it on a start without one
     */
    public ServiceProcess(String name, Path jar, int port, int managementPort, List<String> jvmOptions, Map<String, String> env,
                          Path log, boolean classDataArchive) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.env = env;
        this.log = log;
        this.classDataArchive = classDataArchive;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Where /q/health/* and /q/metrics answer. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long startMillis() {
        return startMillis;
    }

    /** Whether the last start used a class-data archive (false: none, or it recorded one). */
    public boolean archiveUsed() {
        return startedWithArchive;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " not found: build first (./mvnw -DskipTests package)");
        }
        if (archive != null) {
            // The previous JVM ended on its own (crash or failed start): its recording is not whole.
            archive.finish(false);
        }
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        archive = classDataArchive ? ClassDataArchive.of(jar, jvmOptions) : null;
        archiveUsed = archive != null && archive.exists();
        startedWithArchive = archiveUsed;
        if (archive != null) {
            cmd.addAll(archive.options());
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            var pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(JvmSizing.environment());
            // Settings go through the environment, not the command line, so secrets do not show in `ps`.
            pb.environment().putAll(env);
            startMillis = System.currentTimeMillis();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /q/health/ready on the management port answers 200; returns the milliseconds since start. */
    public long awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    long millis = System.currentTimeMillis() - startMillis;
                    checkArchive();
                    return millis;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** A used archive the JVM refused (its output says so) is deleted, so that the next start records a new one. */
    private void checkArchive() {
        if (!archiveUsed) {
            return;
        }
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logOffset);
            if (ClassDataArchive.rejected(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                System.out.printf("[testkit] %s could not use %s; the next start records a new one%n", name, archive.file());
                archive.discard();
            }
        } catch (IOException e) {
            // the log is gone: nothing to check
        }
        archiveUsed = false;
    }

    /**
     * SIGTERM, then SIGKILL after a grace period (longer while recording: on JDK 25+ the JVM assembles the AOT
     * cache at exit in a child JVM); a clean stop keeps the class-data archive recorded by this start.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        boolean recording = archive != null && archive.recording();
        Processes.terminate(process, Duration.ofSeconds(recording ? 60 : 20));
        if (archive != null && !process.isAlive()) {
            archive.finish(ClassDataArchive.cleanExit(process.exitValue()));
        }
    }

    /** SIGKILL, for crash tests. */
    public synchronized void kill() {
        Processes.kill(process);
        if (archive != null) {
            archive.finish(false);
        }
    }

    /** Resident set size in KiB from /proc (Linux), or -1. */
    public long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
