package io.nanopulse.loadgen.bench.ingest;

import io.nanopulse.testkit.infra.KafkaBroker;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the testkit's real single-node Kafka broker for the benchmark, creates patent-events (6
 * partitions, like the local run) and keeps it up until this process is terminated.
 * Usage: BenchBroker <data-dir> <port> (deploy/bench/ingest-bench.sh).
 */
public final class BenchBroker {
    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), "1g");
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.createTopics(Map.of("patent-events", 6, "bench-raw", 6));
        System.out.println("READY " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
