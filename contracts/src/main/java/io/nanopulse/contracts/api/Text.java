package io.nanopulse.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one check of text a client sends, in request bodies and in query and path parameters: no control
 * characters (C0 but tab, line feed and carriage return; DEL; C1), no line or paragraph separators, no
 * zero-width characters or byte-order marks, no unpaired surrogates. Such text could not be stored
 * (PostgreSQL refuses NUL) or would not read as what it shows.
 */
public final class Text {
    public static final String REASON = "must not contain control characters";
    private static final int MAX_DEPTH = 16;

    private Text() {
    }

    public static boolean isClean(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029' || (c >= '\u200B' && c <= '\u200F') || c == '\uFEFF') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} if it is clean; otherwise a 400 naming {@code field}. */
    public static String requireClean(String field, String value) {
        if (!isClean(value)) {
            throw ProblemException.invalid(field, REASON);
        }
        return value;
    }

    /**
     * The first parameter (query or path) whose name or a value is not clean, as a 400 problem naming it;
     * empty when all are clean.
     */
    public static Optional<Problem> parameterProblem(Map<String, ? extends List<String>> parameters) {
        for (var e : parameters.entrySet()) {
            if (!isClean(e.getKey())) {
                return Optional.of(Problem.invalid("parameters", "parameter names " + REASON));
            }
            for (String v : e.getValue()) {
                if (!isClean(v)) {
                    return Optional.of(Problem.invalid(e.getKey(), REASON));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every text of a request body that is not clean, by its JSON path ({@code queries[2].key},
     * {@code labels.team}): the strings of records (by their JSON names), lists, arrays and maps (keys and
     * values), at any depth.
     */
    public static List<FieldError> problems(Object body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", errors, 0);
        return errors;
    }

    /** {@link #problems} as a 400 naming every such field, when there is one. */
    public static void requireClean(Object body) {
        List<FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            Problem p = Problem.invalid(errors);
            throw new ProblemException(errors.size() == 1 ? p.withField(errors.get(0).field()) : p);
        }
    }

    private static void walk(Object value, String path, List<FieldError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            if (!isClean(s)) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, REASON));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!isClean(key)) {
                    errors.add(new FieldError(path.isEmpty() ? "body" : path, "names " + REASON));
                } else {
                    walk(e.getValue(), join(path, key), errors, depth + 1);
                }
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", errors, depth + 1);
            }
        } else if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                walk(items[i], path + "[" + i + "]", errors, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                walk(component(value, c), join(path, jsonName(c)), errors, depth + 1);
            }
        }
    }

    private static Object component(Object record, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
