package io.nanopulse.alerts.application;

import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.contracts.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without an SMTP relay a platform refuses addresses, naming the field; subscribers without one are unaffected. */
class ManageEmailTest {

    private static ManageEmail withRelay(String host) {
        AlertsConfig.Email email = proxy(AlertsConfig.Email.class, (p, m, a) -> switch (m.getName()) {
            case "smtpHost" -> Optional.ofNullable(host);
            case "minDigest" -> Duration.ofMinutes(15);
            case "enabled" -> InvocationHandler.invokeDefault(p, m, a);
            default -> throw new UnsupportedOperationException(m.getName());
        });
        ManageEmail manage = new ManageEmail();
        manage.config = proxy(AlertsConfig.class, (p, m, a) -> {
            if (m.getName().equals("email")) {
                return email;
            }
            throw new UnsupportedOperationException(m.getName());
        });
        return manage;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, h);
    }

    @Test
    void anAddressIsRefusedWhileNoRelayIsConfigured() {
        var e = assertThrows(ProblemException.class, () -> withRelay(null).choice("a@example.org", null));
        assertEquals("email", e.problem().errors().get(0).field());
        assertEquals("e-mail is not configured on this platform", e.problem().errors().get(0).reason());
        assertThrows(ProblemException.class, () -> withRelay(" ").choice("a@example.org", null));
        assertNull(withRelay(null).choice(null, null).address());
        assertEquals("a@example.org", withRelay("smtp.example.org").choice("a@example.org", "PT1H").address());
    }
}
