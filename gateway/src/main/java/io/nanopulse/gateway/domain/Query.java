package io.nanopulse.gateway.domain;

import io.nanopulse.contracts.problem.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds the path and query of a forwarded call; every value is encoded, absent ones are left out. */
public final class Query {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~@:-]{1,200}");
    private final StringBuilder uri;
    private boolean first = true;

    private Query(String path) {
        this.uri = new StringBuilder(path);
    }

    public static Query path(String path) {
        return new Query(path);
    }

    /** A path parameter as one segment: refuses (400) anything that could climb or split the path. */
    public static String segment(String field, String value) {
        if (value == null || !SEGMENT.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw ProblemException.invalid(field, "must be 1..200 characters of A-Z a-z 0-9 . _ ~ @ : -");
        }
        return value;
    }

    public Query param(String name, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return this;
        }
        uri.append(first ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        first = false;
        return this;
    }

    public String uri() {
        return uri.toString();
    }

    @Override
    public String toString() {
        return uri();
    }
}
