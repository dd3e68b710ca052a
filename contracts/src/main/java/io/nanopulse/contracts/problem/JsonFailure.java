package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JSON body that could not be read or bound, in plain words: the field at fault (a JSON path such as
 * {@code items[2].window}, {@code body} when unknown) and the reason. Never a parser class, method or setting
 * name, and never more than a short quote of the input.
 */
public record JsonFailure(String field, String reason) {
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
    private static final Pattern CODE = Pattern.compile("code (\\d{1,7})");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']{0,32})");

    public static JsonFailure of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !(e instanceof MismatchedInputException)
                && m.getCause() instanceof JsonProcessingException cause) {
            return of(cause);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new JsonFailure(path(m), expected(m));
        }
        if (e instanceof JsonMappingException m) {
            return new JsonFailure(path(m), "has the wrong type or format");
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
            return new JsonFailure(field(p.getParsingContext()), "appears more than once in the same object");
        }
        // A syntax error is located by line and column; the path the parser stood in would mislead.
        return new JsonFailure("body", syntax(e, message) + where(e.getLocation()));
    }

    /** What the parser met, as a client would say it. */
    private static String syntax(JsonProcessingException e, String message) {
        if (e instanceof StreamConstraintsException) {
            String limit = group(LIMIT, message, "the limit");
            if (message.contains("nesting depth")) {
                return "nesting deeper than " + limit + " levels";
            }
            if (message.startsWith("Number")) {
                return "a number longer than " + limit + " characters";
            }
            if (message.startsWith("Name")) {
                return "a field name longer than " + limit + " characters";
            }
            if (message.startsWith("String")) {
                return "a string longer than " + limit + " characters";
            }
            return "the JSON text is larger than " + limit + " characters";
        }
        if (message.contains("end-of-input")) {
            return "the JSON text ends too early";
        }
        if (message.startsWith("Unrecognized token")) {
            return "unexpected text '" + group(TOKEN, message, "") + "'; expected a string, number, object, array, "
                    + "true, false or null";
        }
        if (message.contains("UTF-8") || message.contains("surrogate")) {
            return "not valid UTF-8";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside a string (" + character(message) + ") must be escaped";
        }
        if (message.startsWith("Unrecognized character escape")) {
            return "an invalid escape sequence in a string";
        }
        if (message.startsWith("Unexpected close marker")) {
            return "a closing bracket that does not match";
        }
        if (message.contains("numeric value") || message.contains("Numeric value") || message.contains("zeroes")
                || message.contains("number")) {
            return "an invalid number";
        }
        if (message.startsWith("Unexpected character") || message.startsWith("Illegal character")) {
            return "an unexpected character (" + character(message) + ")";
        }
        if (message.startsWith("Trailing token")) {
            return "more than one JSON value";
        }
        return "not valid JSON";
    }

    /** The type a mismatched value should have had. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (e instanceof InvalidFormatException || TemporalAccessor.class.isAssignableFrom(type)) {
            return "has the wrong format";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** {@code items[2].window}: a binding failure's path. */
    private static String path(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return field.isEmpty() ? "body" : field;
    }

    /** Where a parser stands, in the same form ({@code items[1].a}); {@code body} at the top. */
    public static String field(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                parts.add(0, "." + (name.length() > 64 ? name.substring(0, 64) + "..." : name));
            }
        }
        String field = String.join("", parts);
        field = field.startsWith(".") ? field.substring(1) : field;
        return field.isEmpty() ? "body" : field;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** 'x' for a printable ASCII character, U+0007 otherwise. */
    private static String character(String message) {
        String code = group(CODE, message, null);
        if (code == null) {
            return "unknown";
        }
        int c = Integer.parseInt(code);
        return c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }

    private static String group(Pattern pattern, String message, String otherwise) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : otherwise;
    }
}
