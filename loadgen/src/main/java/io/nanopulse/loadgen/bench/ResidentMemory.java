package io.nanopulse.loadgen.bench;

import io.nanopulse.testkit.platform.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Resident memory now ({@code memory}), from /proc (Linux): each service's and Kafka's RSS (VmRSS) and peak RSS
 * (VmHWM) in MiB; PostgreSQL's postmaster the same, and its whole tree's proportional set size (Pss: shared
 * buffers counted once however many backends map them).
 */
final class ResidentMemory implements Scenario {
    @Override
    public void run(BenchRun run) throws IOException {
        var platform = run.platform();
        var memory = new LinkedHashMap<String, Object>();
        for (ServiceProcess s : platform.services().values()) memory.put(s.name(), of(s.pid()));
        memory.put("kafka", of(platform.kafka().pid()));
        var pg = of(platform.postgres().pid());
        pg.put("treePssMiB", treePssMib(platform.postgres().pid()));
        memory.put("postgres", pg);
        run.put("memory", memory);
        log("memory: %s", memory);
    }

    private static Map<String, Object> of(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        var m = new LinkedHashMap<String, Object>();
        m.put("rssMiB", mib(status, "VmRSS:"));
        m.put("peakMiB", mib(status, "VmHWM:"));
        return m;
    }

    /** A kB field of /proc/pid/status or smaps_rollup ({@code "VmRSS:"}) in MiB, rounded down; -1 if absent. */
    static long mib(List<String> lines, String field) {
        long kib = kib(lines, field);
        return kib < 0 ? -1 : kib / 1024;
    }

    private static long kib(List<String> lines, String field) {
        for (String line : lines) {
            if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replaceAll("\\D", ""));
        }
        return -1;
    }

    private static long treePssMib(long pid) {
        long kib = pssKib(pid);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) kib += handle.get().descendants().mapToLong(d -> pssKib(d.pid())).sum();
        return kib / 1024;
    }

    private static long pssKib(long pid) {
        try {
            return Math.max(0, kib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")), "Pss:"));
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile
        }
    }
}
