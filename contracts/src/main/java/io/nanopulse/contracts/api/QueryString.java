package io.nanopulse.contracts.api;

import io.nanopulse.contracts.problem.Problem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict decoding of a raw query string ({@code a=1&b=x%20y}): every percent escape two hex digits, the bytes
 * well-formed UTF-8 (no overlong forms, surrogates, truncated sequences or stray bytes; the JDK's decoder
 * reporting rather than replacing), {@code +} a space, and every name and value clean by {@link Text}.
 */
public final class QueryString {
    static final String MALFORMED = "must be percent-encoded UTF-8";

    private QueryString() {
    }

    /** The decoded parameters, or the 400 problem naming the first parameter that is not well-formed or clean. */
    public static Result decode(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new Result(values, null);
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Optional<String> name = text(eq < 0 ? pair : pair.substring(0, eq));
            if (name.isEmpty() || !Text.isClean(name.get())) {
                return new Result(values, Problem.invalid("parameters", "parameter names " + (name.isEmpty() ? MALFORMED : Text.REASON)));
            }
            Optional<String> value = text(eq < 0 ? "" : pair.substring(eq + 1));
            if (value.isEmpty()) {
                return new Result(values, Problem.invalid(name.get(), MALFORMED));
            }
            if (!Text.isClean(value.get())) {
                return new Result(values, Problem.invalid(name.get(), Text.REASON));
            }
            values.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value.get());
        }
        return new Result(values, null);
    }

    /** Decoded parameters, or the problem that stopped decoding (then {@code values} holds those before it). */
    public record Result(Map<String, List<String>> values, Problem problem) {
        public Optional<Problem> refusal() {
            return Optional.ofNullable(problem);
        }
    }

    private static Optional<String> text(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? hex(encoded.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : hex(encoded.charAt(i + 2));
                if (lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty(); // a raw query is ASCII; anything else arrived undecoded
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
