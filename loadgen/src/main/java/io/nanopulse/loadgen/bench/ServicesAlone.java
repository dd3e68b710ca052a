package io.nanopulse.loadgen.bench;

import io.nanopulse.testkit.platform.LocalPlatform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Each service started alone ({@code servicesAlone}): on the running platform, one service at a time is stopped
 * and started again while nothing else starts; the seconds from its launch to ready.
 */
final class ServicesAlone implements Scenario {
    @Override
    public void run(BenchRun run) {
        var alone = new LinkedHashMap<String, Object>();
        for (String name : LocalPlatform.ALL_SERVICES) {
            var s = run.platform().service(name);
            s.stop();
            s.start();
            long ready = s.awaitReady(Duration.ofSeconds(120));
            alone.put(name, Map.of("readySeconds", StartupGoal.seconds(ready)));
            log("%s alone: ready in %d ms", name, ready);
        }
        run.put("servicesAlone", alone);
    }
}
