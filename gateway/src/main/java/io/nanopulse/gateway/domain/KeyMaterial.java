package io.nanopulse.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key format and hashing. A key is "np_" + 43 base64url characters (256 random bits). Stored as
 * SHA-256: with that much entropy a slow password hash (bcrypt, argon2) buys nothing, because there is no
 * guessable space to search, and a fast hash keeps authentication cheap and the lookup one indexed equality.
 */
public final class KeyMaterial {
    public static final String SCHEME_PREFIX = "np_";
    /** Bootstrap keys chosen by an operator must carry at least this many characters after np_. */
    public static final int MIN_SECRET_CHARS = 32;
    private static final int MAX_KEY_CHARS = 200;
    /** Characters shown to identify a key: "np_" and 8 more (48 of the 256 bits, the rest stays secret). */
    private static final int PREFIX_CHARS = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a bearer token has the shape of a key (cheap check before any hashing or lookup). */
    public static boolean wellFormed(String token) {
        if (token == null || !token.startsWith(SCHEME_PREFIX) || token.length() > MAX_KEY_CHARS
                || token.length() < SCHEME_PREFIX.length() + MIN_SECRET_CHARS) {
            return false;
        }
        for (int i = SCHEME_PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_CHARS, key.length()));
    }
}
