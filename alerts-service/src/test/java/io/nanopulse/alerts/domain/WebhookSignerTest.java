package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    /** The example of the Standard Webhooks specification / reference libraries. */
    @Test
    void matchesTheSpecificationExample() {
        String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, b);
    }

    @Test
    void rotationSendsOneSignaturePerSecret() {
        String s1 = WebhookSigner.newSecret();
        String s2 = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(List.of(s1, s2), "msg_1", 1, "{}");
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSigner.sign(s1, "msg_1", 1, "{}"), parts[0]);
        assertEquals(WebhookSigner.sign(s2, "msg_1", 1, "{}"), parts[1]);
    }

    @Test
    void refusesSecretsWithoutPrefix() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.sign("abc", "m", 1, "{}"));
    }
}
