package io.nanopulse.alerts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an address-confirmation link: 32 random bytes, base64url. Only its SHA-256 is stored, so a copy
 * of the database confirms nothing.
 */
public record ConfirmationToken(String token, String hash) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ConfirmationToken create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ConfirmationToken(token, hash(token));
    }

    /** SHA-256 of the token, lower-case hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "ConfirmationToken[***]";
    }
}
