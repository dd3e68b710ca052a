package io.nanopulse.loadgen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, from /proc (Linux): user and system time of the process, of its children it
 * has reaped, and of its live descendants. PostgreSQL works in child processes (one per connection), so its
 * CPU is the postmaster's tree.
 */
final class CpuTime {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux build

    private CpuTime() {
    }

    /** The process alone (the bench itself: the platform it started is its descendants). */
    static double ownSeconds(long pid) {
        return own(pid, false);
    }

    static double seconds(long pid) {
        double total = own(pid, true);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToDouble(d -> own(d.pid(), false)).sum();
        }
        return total;
    }

    /** utime + stime (fields 14, 15) and, if asked, cutime + cstime (16, 17) of /proc/pid/stat; 0 if gone. */
    private static double own(long pid, boolean reapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (reapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
