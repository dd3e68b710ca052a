package io.nanopulse.system.deploy;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service container's JVM memory as the ubi9 OpenJDK runtime image starts it: the image's start script picks
 * the collector from GC_CONTAINER_OPTIONS (default Parallel GC), so a collector flag in JAVA_OPTS_APPEND as
 * well stops the JVM ("multiple garbage collectors selected"); and the heap plus the capped native parts must
 * fit the container's memory limit with room for thread stacks and malloc.
 */
final class ContainerJvmMemory {
    /** Thread stacks (30-45 threads of 512 KiB) and malloc besides the capped parts. */
    static final long NATIVE_ROOM_MIB = 32;
    private static final Pattern GC_FLAG = Pattern.compile("-XX:[+-]Use\\w*GC\\b");
    private static final List<String> CAPS = List.of("-Xmx", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=",
            "-XX:MaxDirectMemorySize=");

    private ContainerJvmMemory() {
    }

    static void assertFits(String service, String javaOptsAppend, String gcContainerOptions, long limitBytes) {
        assertFalse(GC_FLAG.matcher(javaOptsAppend).find(), service + ": the collector goes in GC_CONTAINER_OPTIONS, not JAVA_OPTS_APPEND");
        assertEquals("-XX:+UseSerialGC", gcContainerOptions, service + "'s GC_CONTAINER_OPTIONS");
        long capsMiB = capsMiB(service, javaOptsAppend);
        assertTrue((capsMiB + NATIVE_ROOM_MIB) << 20 <= limitBytes, service + ": heap and caps " + capsMiB + " MiB + "
                + NATIVE_ROOM_MIB + " MiB for stacks and malloc exceed the memory limit of " + (limitBytes >> 20) + " MiB");
    }

    /** The sum of -Xmx, MaxMetaspaceSize, ReservedCodeCacheSize and MaxDirectMemorySize (each required, in m). */
    static long capsMiB(String service, String javaOpts) {
        long sum = 0;
        for (String cap : CAPS) {
            var m = Pattern.compile("(?:^|\\s)" + Pattern.quote(cap) + "(\\d+)m(?:\\s|$)").matcher(javaOpts);
            assertTrue(m.find(), service + " sets " + cap + "<n>m");
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }
}
