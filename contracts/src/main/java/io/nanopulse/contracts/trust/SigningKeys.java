package io.nanopulse.contracts.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys an {@link IdentityProof} signs and verifies with: base64 values, comma- or line-separated, the
 * current key first and the previous ones after it (kept during a rotation). Each key holds at least
 * {@value #MIN_BYTES} bytes. A key's value never appears in a message.
 */
public final class SigningKeys {
    public static final int MIN_BYTES = 32;
    public static final int MAX_KEYS = 8;
    private static final int MAX_BYTES = 1024;

    private final List<byte[]> keys;

    private SigningKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * The keys from exactly one of the two settings: {@code inline} (the keys themselves) or {@code file} (the
     * path of a file holding them).
     *
     * @throws IllegalArgumentException when none or both are set, or a key is not valid
     */
    public static SigningKeys from(Optional<String> inline, Optional<String> file, String setting) {
        boolean hasInline = inline.filter(s -> !s.isBlank()).isPresent();
        boolean hasFile = file.filter(s -> !s.isBlank()).isPresent();
        if (hasInline == hasFile) {
            throw new IllegalArgumentException(hasInline
                    ? "set only one of " + setting + "s and " + setting + "-file"
                    : "no signing key: set " + setting + "s or " + setting + "-file");
        }
        return hasInline ? parse(inline.get()) : read(Path.of(file.get().trim()));
    }

    /** Reads the keys from a file (same form as {@link #parse}). */
    public static SigningKeys read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in " + file + ")", e);
        }
    }

    /** Parses base64 (standard or URL-safe) keys separated by commas or line breaks, current first. */
    public static SigningKeys parse(String keys) {
        List<byte[]> parsed = new ArrayList<>();
        int position = 0;
        for (String value : keys.split("[,\\r\\n]+")) {
            String v = value.trim();
            if (v.isEmpty()) {
                continue;
            }
            position++;
            byte[] key;
            try {
                key = (v.indexOf('-') >= 0 || v.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signing key " + position + " is not base64");
            }
            if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
                throw new IllegalArgumentException("signing key " + position + " has " + key.length
                        + " bytes; it needs " + MIN_BYTES + " to " + MAX_BYTES);
            }
            parsed.add(key);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("no signing key given");
        }
        if (parsed.size() > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " signing keys, got " + parsed.size());
        }
        return new SigningKeys(List.copyOf(parsed));
    }

    /** The key new proofs are signed with. */
    byte[] current() {
        return keys.get(0);
    }

    /** Every key a proof may be signed with, current first. */
    List<byte[]> all() {
        return keys;
    }

    @Override
    public String toString() {
        return keys.size() + " signing key(s)";
    }
}
