package io.nanopulse.contracts.api;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemType;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for the media type of a request body, in every service: a POST, PUT or PATCH that carries a
 * body must say what it is ({@code Content-Type}), and text is UTF-8 only: a {@code charset} parameter other
 * than {@code utf-8} is refused rather than read as UTF-8. Which media types an operation takes is its own
 * declaration ({@code @Consumes}); both refusals are 415 problems naming {@code Content-Type}.
 */
public final class BodyMediaType {
    public static final String FIELD = "Content-Type";

    private BodyMediaType() {
    }

    /**
     * The problem with a request's body headers, if any.
     *
     * @param contentLength    the Content-Length header, or null
     * @param transferEncoding the Transfer-Encoding header, or null (a chunked body has no length)
     */
    public static Optional<Problem> problem(String method, String contentType, String contentLength,
                                            String transferEncoding) {
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return Optional.empty();
        }
        boolean body = transferEncoding != null || (contentLength != null && !contentLength.strip().equals("0"));
        if (!body) {
            return Optional.empty(); // nothing to read: a Content-Type says nothing
        }
        if (contentType == null || contentType.isBlank()) {
            return refused("a request body needs a Content-Type (application/json for JSON bodies)");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")) {
            return refused("'" + shorten(parts[0].strip()) + "' is not a media type");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(eq + 1).strip().replace("\"", "");
                if (!charset.toLowerCase(Locale.ROOT).equals("utf-8")) {
                    return refused("charset '" + shorten(charset) + "' is not supported; request bodies are UTF-8");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> refused(String detail) {
        return Optional.of(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail).withField(FIELD));
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
    }
}
