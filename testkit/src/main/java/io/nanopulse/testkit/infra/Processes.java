package io.nanopulse.testkit.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ending child processes: politely (SIGTERM, then SIGKILL after a grace period) or at once (SIGKILL). */
public final class Processes {
    private Processes() {
    }

    public static void terminate(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The environment every JVM the testkit starts gets besides its settings: glibc keeps at most two malloc
     * arenas, instead of up to eight per core, each of which holds freed memory of the threads that used it.
     */
    public static Map<String, String> jvmEnvironment() {
        return Map.of("MALLOC_ARENA_MAX", "2");
    }
}
