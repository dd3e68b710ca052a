package io.nanopulse.loadgen.bench;

import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.platform.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's processes sampled from /proc (Linux): the CPU time each has used, and peak resident memory.
 * A process's CPU is that of its tree: its own user and system time, its children's it has reaped, and its
 * live descendants' (PostgreSQL works in child processes, one per connection). The load generator (this
 * JVM) counts alone, since the platform it started is among its descendants.
 */
final class ProcessSampler {
    static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux build
    static final String LOADGEN = "loadgen";

    private final Map<String, Long> pids;
    private final List<String> order;

    /** Processes by name; samples list them in this map's order. */
    ProcessSampler(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        this.order = List.copyOf(pids.keySet());
    }

    /** Each service, Kafka, PostgreSQL and this JVM as "loadgen", by name, as they run now. */
    static ProcessSampler of(LocalPlatform platform) {
        var pids = new LinkedHashMap<String, Long>();
        platform.services().values().forEach(s -> pids.put(s.name(), s.pid()));
        pids.put("kafka", platform.kafka().pid());
        pids.put("postgres", platform.postgres().pid());
        pids.put(LOADGEN, ProcessHandle.current().pid());
        return new ProcessSampler(pids);
    }

    /** CPU seconds each process has used so far. */
    Map<String, Double> cpuNow() {
        var cpu = new LinkedHashMap<String, Double>();
        for (String name : order) cpu.put(name, cpuSeconds(name, pids.get(name)));
        return cpu;
    }

    /** The CPU each process used since {@code before} ({@link #cpuNow()}), in seconds and per event. */
    Map<String, Object> cpuSince(Map<String, Double> before, long events) {
        var cpu = new LinkedHashMap<String, Object>();
        for (String name : order) {
            double used = cpuSeconds(name, pids.get(name)) - before.get(name);
            var m = new LinkedHashMap<String, Object>();
            m.put("seconds", Math.round(used * 10) / 10.0);
            m.put("microsPerEvent", Math.round(used * 1e6 / events * 10) / 10.0);
            cpu.put(name, m);
        }
        return cpu;
    }

    private static double cpuSeconds(String name, long pid) {
        return name.equals(LOADGEN) ? ownCpuSeconds(pid) : treeCpuSeconds(pid);
    }

    /** The process alone; 0 if it is gone. */
    static double ownCpuSeconds(long pid) {
        return cpu(pid, false);
    }

    /** The process, its reaped children and its live descendants; 0 if it is gone. */
    static double treeCpuSeconds(long pid) {
        double total = cpu(pid, true);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToDouble(d -> cpu(d.pid(), false)).sum();
        }
        return total;
    }

    private static double cpu(long pid, boolean reapedChildren) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), reapedChildren) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * utime + stime (fields 14, 15 of /proc/pid/stat) and, if asked, cutime + cstime (16, 17). The command
     * name (field 2) may hold spaces and parentheses; fields are counted after its last closing parenthesis.
     */
    static long cpuTicks(String stat, boolean reapedChildren) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (reapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks;
    }

    /** Peak resident set size (VmHWM of /proc/pid/status) in MiB, or -1 if not reported. */
    static long peakRssMib(long pid) throws IOException {
        return peakRssMib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
    }

    static long peakRssMib(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    /** The services' and Kafka's peak RSS in MiB, by name. */
    static Map<String, Object> peakRss(LocalPlatform platform) throws IOException {
        var r = new LinkedHashMap<String, Object>();
        for (ServiceProcess s : platform.services().values()) {
            r.put(s.name(), peakRssMib(s.pid()));
        }
        r.put("kafka", peakRssMib(platform.kafka().pid()));
        return r;
    }
}
