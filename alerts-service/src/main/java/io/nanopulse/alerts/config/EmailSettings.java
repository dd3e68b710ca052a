package io.nanopulse.alerts.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up checks of the e-mail settings, made only while e-mail is on: a claim's lease must outlast a send (else a
 * second instance or poll sends the message again while the first send still runs), and a relay login is never
 * sent over a connection that may stay unencrypted, unless the relay is on loopback.
 */
@Singleton
@Startup
public class EmailSettings {
    /** How much longer than the send timeout a lease must be. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    EmailSettings(AlertsConfig config,
                  @ConfigProperty(name = "quarkus.mailer.timeout") Optional<Duration> mailerTimeout,
                  @ConfigProperty(name = "quarkus.mailer.host") Optional<String> host,
                  @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
                  @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
                  @ConfigProperty(name = "quarkus.mailer.start-tls") Optional<String> startTls) {
        if (!config.email().enabled()) {
            return;
        }
        List<String> problems = problems(config.delivery().lease(), config.email().sendTimeout(),
                mailerTimeout.orElse(null), host.orElse(""), username.filter(u -> !u.isBlank()).isPresent(),
                tls.orElse(false), startTls.orElse("OPTIONAL"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid e-mail settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Duration lease, Duration sendTimeout, Duration mailerTimeout, String host,
                                 boolean login, boolean tls, String startTls) {
        List<String> problems = new ArrayList<>();
        if (lease.compareTo(sendTimeout.plus(LEASE_MARGIN)) < 0) {
            problems.add("nanopulse.alerts.delivery.lease (" + lease + ") must be at least"
                    + " nanopulse.alerts.email.send-timeout (" + sendTimeout + ") + " + LEASE_MARGIN);
        }
        if (mailerTimeout != null && mailerTimeout.compareTo(sendTimeout) > 0) {
            problems.add("quarkus.mailer.timeout (" + mailerTimeout + ") must not exceed"
                    + " nanopulse.alerts.email.send-timeout (" + sendTimeout + ")");
        }
        if (login && !tls && !"REQUIRED".equalsIgnoreCase(startTls) && !loopback(host)) {
            problems.add("with NANOPULSE_SMTP_USER set, NANOPULSE_SMTP_START_TLS must be REQUIRED"
                    + " (or NANOPULSE_SMTP_TLS=true) unless the relay is on loopback");
        }
        return problems;
    }

    private static boolean loopback(String host) {
        if (host.isBlank() || "localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false; // a name is not resolved here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
