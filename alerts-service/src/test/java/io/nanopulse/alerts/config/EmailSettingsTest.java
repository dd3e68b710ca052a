package io.nanopulse.alerts.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailSettingsTest {
    private static final Duration S5 = Duration.ofSeconds(5);

    @Test
    void aLeaseShorterThanTheSendTimeoutPlusTheMarginIsRefused() {
        var problems = EmailSettings.problems(Duration.ofSeconds(3), S5, S5, "127.0.0.1", false, false, "DISABLED");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("nanopulse.alerts.delivery.lease"));
        assertTrue(EmailSettings.problems(Duration.ofSeconds(10), S5, S5, "127.0.0.1", false, false, "DISABLED").isEmpty());
    }

    @Test
    void aMailerTimeoutLongerThanTheSendTimeoutIsRefused() {
        var problems = EmailSettings.problems(Duration.ofSeconds(60), S5, Duration.ofSeconds(30), "127.0.0.1", false,
                false, "DISABLED");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("quarkus.mailer.timeout"));
    }

    @Test
    void aLoginToARemoteRelayNeedsRequiredStartTlsOrTls() {
        Duration lease = Duration.ofSeconds(60);
        assertEquals(1, EmailSettings.problems(lease, S5, S5, "smtp.example.org", true, false, "OPTIONAL").size());
        assertTrue(EmailSettings.problems(lease, S5, S5, "smtp.example.org", true, false, "REQUIRED").isEmpty());
        assertTrue(EmailSettings.problems(lease, S5, S5, "smtp.example.org", true, true, "DISABLED").isEmpty());
        assertTrue(EmailSettings.problems(lease, S5, S5, "127.0.0.1", true, false, "OPTIONAL").isEmpty());
        assertTrue(EmailSettings.problems(lease, S5, S5, "smtp.example.org", false, false, "OPTIONAL").isEmpty());
    }
}
