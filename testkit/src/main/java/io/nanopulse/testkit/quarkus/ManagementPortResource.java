package io.nanopulse.testkit.quarkus;

import io.nanopulse.testkit.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusIntegrationTest}'s packaged application a free management port (health, metrics):
 * the launcher passes {@code quarkus.management.port} to it, and the test reaches it at {@link #url()}.
 */
public class ManagementPortResource implements QuarkusTestResourceLifecycleManager {
    private static int port;

    public static synchronized String url() {
        if (port == 0) {
            throw new IllegalStateException("ManagementPortResource has not started");
        }
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized Map<String, String> start() {
        synchronized (ManagementPortResource.class) {
            port = Ports.free();
            return Map.of("quarkus.management.port", Integer.toString(port));
        }
    }

    @Override
    public void stop() {
        // Nothing runs here; the application under test owns the port.
    }
}
