package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ann <ann@example.org>", "<ann@example.org>", "ann@example.org\r\nBcc: eve@example.org",
            "ann@example.org\n", "ann", "@example.org", "ann@", "ann@@example.org", "\"ann\"@example.org",
            "ann (work)@example.org", "ann@exa mple.org", "ann@-example.org", "ann..b@example.org", ".ann@example.org",
            "anné@example.org", "ann@example..org", "ann@localhost", "root@mailhost"})
    void refusesWhatIsNotOnePlainAddress(String raw) {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(raw));
    }

    @Test
    void boundsTheLength() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org"; // 189
        assertEquals(254, EmailAddress.parse(local + "@" + domain).length());
        var e = assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(local + "@" + domain + "x"));
        assertTrue(e.getMessage().contains("254"));
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse("a".repeat(65) + "@example.org"));
    }

    @Test
    void keepsTheLocalPartAndLowerCasesTheDomain() {
        assertEquals("Ann.B+alerts@example.org", EmailAddress.parse("  Ann.B+alerts@Example.ORG "));
        assertEquals("ops@mail.example.org", EmailAddress.parse("ops@Mail.Example.org"));
    }

    @Test
    void digestNeedsAnAddressAndAnIntervalInRange() {
        Duration min = Duration.ofMinutes(15);
        assertEquals(new EmailChoice("a@example.org", Duration.ofHours(1)), choice("a@example.org", "PT1H", min, List.of()));
        assertEquals(new EmailChoice(null, null), choice(null, null, min, List.of()));
        assertEquals(new EmailChoice(null, null), choice("  ", null, min, List.of()));
        choice("a@example.org", "PT14M", min, List.of("emailDigest"));
        choice("a@example.org", "PT24H1S", min, List.of("emailDigest"));
        assertEquals(Duration.ofDays(1), choice("a@example.org", "P1D", min, List.of()).digest());
        choice("a@example.org", "hourly", min, List.of("emailDigest"));
        choice(null, "PT1H", min, List.of("emailDigest"));
        EmailChoice both = choice("Ann <a@example.org>", "P2D", min, List.of("email", "emailDigest"));
        assertNull(both.address());
    }

    private static EmailChoice choice(String email, String digest, Duration min, List<String> fields) {
        List<FieldError> errors = new ArrayList<>();
        EmailChoice c = EmailChoice.of(email, digest, min, errors);
        assertEquals(fields, errors.stream().map(FieldError::field).toList(), errors.toString());
        return c;
    }
}
