package io.nanopulse.testkit.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker+controller, one node) in its own JVM, bound to
 * 127.0.0.1, with its log under a folder the caller owns. Same version as the kafka-clients of the BOM.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, String heap) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /** Formats the folder if new (keeps data of an earlier run otherwise) and starts the broker. */
    public static KafkaBroker start(Path dataDir, int port, String heap) {
        KafkaBroker broker = new KafkaBroker(dataDir.toAbsolutePath(), port, Ports.free(), heap);
        broker.prepare();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    private void prepare() {
        try {
            Files.createDirectories(dataDir.resolve("log"));
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dataDir.resolve("log").toString());
            p.setProperty("num.partitions", "6");
            // One node: internal topics cannot be replicated, or consumers and transactions hang.
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "false");
            p.setProperty("log.retention.hours", "-1");
            // Sized for a laptop (production: deploy/kubernetes/base/kafka.yaml): fewer request threads than the
            // defaults (3 network, 8 I/O), and a log cleaner (only __consumer_offsets is compacted) with a 16 MB
            // dedupe buffer instead of 128 MB of heap.
            p.setProperty("num.network.threads", "2");
            p.setProperty("num.io.threads", "4");
            p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
            boolean fresh = !Files.exists(dataDir.resolve("log").resolve("meta.properties"));
            // The controller port is chosen per start; the quorum voter set is stored at format time only
            // with --standalone, so the static voters property above keeps restarts working.
            try (var out = Files.newBufferedWriter(propertiesFile())) {
                p.store(out, "Nanopulse single-node KRaft broker");
            }
            try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-log4j2.properties")) {
                Files.copy(in, dataDir.resolve("log4j2.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (fresh) {
                run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", propertiesFile().toString(), "--ignore-formatted"), Duration.ofSeconds(60));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> javaCommand(String heapSize) {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapSize);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        cmd.add("-Djava.io.tmpdir=" + dataDir);
        cmd.add("-cp");
        cmd.add(KafkaLibs.directory() + "/*");
        return cmd;
    }

    private void run(List<String> args, Duration timeout) throws IOException {
        var cmd = javaCommand("256m");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("storage-tool.log").toFile())).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Kafka StorageTool failed; see " + dataDir.resolve("storage-tool.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker process (again, after {@link #stop()} or {@link #kill()}) and waits until it serves. */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Kafka port 127.0.0.1:" + port + " is busy");
        }
        long t0 = System.nanoTime();
        try {
            var cmd = javaCommand(heap);
            cmd.add("kafka.Kafka");
            cmd.add(propertiesFile().toString());
            var pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()));
            pb.environment().putAll(Processes.jvmEnvironment());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitServing(Duration.ofSeconds(90));
        System.out.printf("[testkit] Kafka broker started on %s in %d ms (pid %d, data %s)%n",
                bootstrapServers(), (System.nanoTime() - t0) / 1_000_000, process.pid(), dataDir);
    }

    private void awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; see " + dataDir.resolve("broker.log"));
            }
            try (Admin admin = admin(Duration.ofSeconds(2))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker did not serve within " + timeout, last);
    }

    public Admin admin(Duration timeout) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 3000)));
    }

    /** Creates the topics that do not exist yet (partitions, replication 1 on one node). */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin(Duration.ofSeconds(10))) {
            for (var e : partitionsByTopic.entrySet()) {
                try {
                    admin.createTopics(List.of(new NewTopic(e.getKey(), e.getValue(), (short) 1))).all().get();
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("creating topic " + e.getKey(), ex.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Clean shutdown (SIGTERM). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Processes.terminate(process, Duration.ofSeconds(30));
        System.out.printf("[testkit] Kafka broker on %s stopped%n", bootstrapServers());
    }

    /** Abrupt end (SIGKILL), for fault tests. */
    public synchronized void kill() {
        Processes.kill(process);
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
