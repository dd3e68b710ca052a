package io.nanopulse.loadgen.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own performance tools (the kafka-tools module's jars), each run in a JVM of its own. */
final class KafkaTools {
    private static final Pattern PRODUCER = Pattern.compile(
            "([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency");

    private final Path libs;

    /** {@code libs}: the folder holding the tools and their dependencies (loadgen/kafka-tools/target/libs). */
    KafkaTools(Path libs) {
        this.libs = libs;
    }

    /**
     * The tools built in the repository at {@code root} (system property {@code nanopulse.kafkaTools} names
     * another folder); fails when they are not built.
     */
    static KafkaTools of(Path root) {
        Path libs = Path.of(System.getProperty("nanopulse.kafkaTools", root.resolve("loadgen/kafka-tools/target/libs").toString()));
        if (!java.nio.file.Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka's tools not found in " + libs + "; build them first (./mvnw -pl loadgen/kafka-tools package)");
        }
        return new KafkaTools(libs);
    }

    /** Runs a tool class with its arguments (heap 512 MB); its output, or a failure if it fails. */
    String run(List<String> args) throws Exception {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", libs + "/*"));
        cmd.addAll(args);
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes());
        if (!proc.waitFor(10, TimeUnit.MINUTES) || proc.exitValue() != 0) {
            throw new IllegalStateException(args.get(0) + " failed: " + output);
        }
        return output;
    }

    /** ProducerPerformance's summary: kafkaProducerRecordsPerSecond and kafkaProducerMBPerSecond (empty if absent). */
    static Map<String, Object> producerFigures(String output) {
        var r = new LinkedHashMap<String, Object>();
        Matcher m = PRODUCER.matcher(output);
        if (m.find()) {
            r.put("kafkaProducerRecordsPerSecond", Double.parseDouble(m.group(1)));
            r.put("kafkaProducerMBPerSecond", Double.parseDouble(m.group(2)));
        }
        return r;
    }

    /**
     * ConsumerPerformance's CSV line (start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
     * nMsg.sec, ...): kafkaConsumerRecordsPerSecond and kafkaConsumerMBPerSecond (the last such line; empty if none).
     */
    static Map<String, Object> consumerFigures(String output) {
        var r = new LinkedHashMap<String, Object>();
        for (String line : output.split("\n")) {
            String[] f = line.split(",");
            if (f.length >= 6 && f[0].matches("\\d{4}-.*")) {
                r.put("kafkaConsumerRecordsPerSecond", Double.parseDouble(f[5].strip()));
                r.put("kafkaConsumerMBPerSecond", Double.parseDouble(f[3].strip()));
            }
        }
        return r;
    }
}
