package io.nanopulse.alerts.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, the key being the
 * base64 part of the {@code whsec_} secret. Several secrets (during a rotation) give space-separated
 * signatures, any of which a receiver may verify.
 */
public final class WebhookSigner {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new secret: 32 random bytes (the spec asks for 24..64). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String msgId, long timestampSeconds, String body) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The Standard Webhooks message id of a delivery ({@code msg_} and its uuid's hex digits). */
    public static String messageId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** The webhook-signature header value for every secret currently valid. */
    public static String signatureHeader(List<String> secrets, String msgId, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, msgId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
