package io.nanopulse.alerts.support;

import io.nanopulse.testkit.infra.SmtpRelay;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} testkit's {@link SmtpRelay} as its mail relay (e-mail on), one per test JVM:
 * tests reach it through {@link #RELAY}.
 */
public class SmtpRelayResource implements QuarkusTestResourceLifecycleManager {
    public static final SmtpRelay RELAY = new SmtpRelay();

    @Override
    public Map<String, String> start() {
        RELAY.up();
        return Map.of("nanopulse.alerts.email.smtp-host", RELAY.host(),
                "quarkus.mailer.host", RELAY.host(), "quarkus.mailer.port", String.valueOf(RELAY.port()));
    }

    @Override
    public void stop() {
        RELAY.down();
    }
}
