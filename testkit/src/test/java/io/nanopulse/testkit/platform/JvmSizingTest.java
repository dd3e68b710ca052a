package io.nanopulse.testkit.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmSizingTest {
    @Test
    void everyServiceHasEachPartOfItsMemorySized() {
        for (String service : LocalPlatform.ALL_SERVICES) {
            List<String> o = JvmSizing.of(service).options();
            for (String prefix : List.of("-Xms", "-Xmx", "-Xss", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=",
                    "-XX:MaxDirectMemorySize=")) {
                assertEquals(1, o.stream().filter(x -> x.startsWith(prefix)).count(), service + " sets " + prefix + " once: " + o);
            }
            assertTrue(o.contains("-XX:+UseSerialGC"), service + ": " + o);
        }
    }

    @Test
    void metricsServiceKeepsAYoungGenerationForTheBatchesInFlight() {
        JvmSizing metrics = JvmSizing.of("metrics-service");
        assertTrue(metrics.options().contains("-Xmn" + metrics.youngGeneration()), metrics.options().toString());
        assertTrue(mebibytes(metrics.youngGeneration()) < mebibytes(metrics.maxHeap()), "young < heap");
        assertTrue(JvmSizing.of("gateway").options().stream().noneMatch(x -> x.startsWith("-Xmn")));
    }

    @Test
    void aYoungGenerationFitsInTheInitialHeap() {
        for (String service : LocalPlatform.ALL_SERVICES) {
            JvmSizing s = JvmSizing.of(service);
            if (s.youngGeneration() != null) {
                assertTrue(mebibytes(s.youngGeneration()) < mebibytes(s.initialHeap()),
                        service + ": -Xmn" + s.youngGeneration() + " must be below -Xms" + s.initialHeap());
            }
        }
    }

    private static int mebibytes(String size) {
        return Integer.parseInt(size.replace("m", ""));
    }

    @Test
    void aScaledOutInstanceOrUnknownNameGetsTheSmallSizes() {
        assertEquals(JvmSizing.of("ingest-service"), JvmSizing.of("something-else"));
    }

    @Test
    void glibcKeepsTwoMallocArenas() {
        assertEquals("2", JvmSizing.environment().get("MALLOC_ARENA_MAX"));
    }
}
