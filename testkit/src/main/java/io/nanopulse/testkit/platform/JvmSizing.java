package io.nanopulse.testkit.platform;

import io.nanopulse.testkit.infra.Processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The memory of one service's JVM, sized on purpose (why each figure: docs/operations.md, "Memory"): the heap
 * (initial, maximum, optionally the young generation), thread stacks, metaspace, the JIT's code cache and
 * direct (Netty) buffers. Serial GC: one collector thread, no per-region overhead, right for 2 cores and
 * small heaps.
 */
public record JvmSizing(String initialHeap, String maxHeap, String youngGeneration, String threadStack,
                        String maxMetaspace, String codeCache, String maxDirectMemory) {

    /** Per service of the platform; a name not listed gets the ingest-service sizes. */
    public static final Map<String, JvmSizing> SERVICES = Map.of(
            // Batches in flight (one applied, the next parsed ahead) die young in a young generation that holds them;
            // the initial heap is larger than it (else the JVM shrinks the young generation to the initial heap).
            "metrics-service", new JvmSizing("192m", "256m", "128m", "512k", "192m", "64m", "64m"),
            "ingest-service", new JvmSizing("32m", "160m", null, "512k", "128m", "48m", "96m"),
            "alerts-service", new JvmSizing("32m", "128m", null, "512k", "160m", "48m", "64m"),
            "gateway", new JvmSizing("32m", "128m", null, "512k", "160m", "48m", "96m"));

    public static JvmSizing of(String service) {
        return SERVICES.getOrDefault(service, SERVICES.get("ingest-service"));
    }

    /** The JVM options, in this order: heap, young generation, GC, stacks, metaspace, code cache, direct memory. */
    public List<String> options() {
        var o = new ArrayList<String>();
        o.add("-Xms" + initialHeap);
        o.add("-Xmx" + maxHeap);
        if (youngGeneration != null) {
            o.add("-Xmn" + youngGeneration);
        }
        o.add("-XX:+UseSerialGC");
        o.add("-Xss" + threadStack);
        o.add("-XX:MaxMetaspaceSize=" + maxMetaspace);
        o.add("-XX:ReservedCodeCacheSize=" + codeCache);
        o.add("-XX:MaxDirectMemorySize=" + maxDirectMemory);
        return o;
    }

    /** The environment a service's JVM gets besides its settings ({@link Processes#jvmEnvironment()}). */
    public static Map<String, String> environment() {
        return Processes.jvmEnvironment();
    }
}
