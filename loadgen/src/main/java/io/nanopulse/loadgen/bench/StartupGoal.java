package io.nanopulse.loadgen.bench;

import io.nanopulse.testkit.platform.ServiceProcess;

import java.util.LinkedHashMap;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Start-up ({@code startup}): the platform started as deploy/run.sh's launcher starts it ({@code LocalPlatform.start()}),
 * timed from the call to every service ready ({@code platformSeconds}), with its parts: PostgreSQL, Kafka, the
 * topics and the databases together ({@code infrastructureSeconds}: until the first service is launched) and, for
 * each service, when it was launched and when it answered ready, in seconds from the start, and whether it
 * started with a class-data archive ({@code archiveUsed}).
 */
final class StartupGoal {
    private StartupGoal() {
    }

    static void start(BenchRun run) {
        var platform = run.platform();
        log("start-up: starting the platform as deploy/run.sh does");
        long t0 = System.currentTimeMillis();
        platform.start();
        long total = System.currentTimeMillis() - t0;
        var services = new LinkedHashMap<String, Object>();
        long firstLaunch = Long.MAX_VALUE;
        for (ServiceProcess s : platform.services().values()) {
            long launched = s.startMillis() - t0;
            long ready = platform.readyMillis().get(s.name());
            firstLaunch = Math.min(firstLaunch, launched);
            var m = new LinkedHashMap<String, Object>();
            m.put("launchedAtSeconds", seconds(launched));
            m.put("readySeconds", seconds(ready));
            m.put("readyAtSeconds", seconds(launched + ready));
            m.put("archiveUsed", s.archiveUsed());
            services.put(s.name(), m);
        }
        var startup = new LinkedHashMap<String, Object>();
        startup.put("platformSeconds", seconds(total));
        startup.put("infrastructureSeconds", seconds(firstLaunch));
        startup.put("services", services);
        run.put("startup", startup);
        log("start-up: %s", startup);
    }

    static double seconds(long millis) {
        return Math.round(millis / 10.0) / 100.0;
    }
}
