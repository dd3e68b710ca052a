package io.nanopulse.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation and normalisation rules of contract v1, shared by every edge that reads events
 * (ingest on the way in, metrics on the way out of Kafka). Pure Java: no framework types.
 *
 * <p>Rules (also in contracts/README.md): text is trimmed and inner whitespace folded to one space, at
 * most 512 characters, no control characters nor line breaks (a tab only in free text), no unpaired surrogates; {@code eventId} 1..128 characters; countries ISO 3166-1
 * alpha-2; dates ISO-8601 between 1900-01-01 and tomorrow; {@code patentId} = office code + 4..20
 * letters or digits (dashes and spaces dropped, upper-cased, so Google's {@code US-7650331-B1} is
 * {@code US7650331B1}).
 */
public final class EventValidator {
    public static final int MAX_TEXT = 512;
    public static final int MAX_EVENT_ID = 128;
    public static final int MAX_CPC_CODES = 64;
    public static final int MAX_CPC_LENGTH = 32;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** Offices that are not countries but publish patents: EPO, WIPO, Eurasian, ARIPO, OAPI, GCC. */
    private static final Set<String> REGIONAL_OFFICES = Set.of("EP", "WO", "EA", "AP", "OA", "GC");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PATENT_ID_SEPARATORS = Pattern.compile("[-\\s]");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private final Clock clock;

    public EventValidator(Clock clock) {
        this.clock = clock;
    }

    public EventValidator() {
        this(Clock.systemUTC());
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** Trim and fold whitespace: the same comparison form everywhere (institutions, cities). */
    public static String foldWhitespace(String text) {
        String stripped = text.strip();
        // Hot path (every text field of every event): most text has single spaces only.
        boolean folded = true;
        for (int i = 0; i < stripped.length() && folded; i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < stripped.length() && Character.isWhitespace(stripped.charAt(i + 1))))) {
                folded = false;
            }
        }
        return folded ? stripped : WHITESPACE_RUN.matcher(stripped).replaceAll(" ");
    }

    /**
     * Control characters (C0, DEL, C1; line breaks included, as no field holds more than one line), invisible
     * separators and byte-order marks, and noncharacters U+FFFE and U+FFFF; a tab only where {@code tabAllowed}
     * (free text, where it folds to a space). A loop, as it runs per field.
     */
    private static boolean hasControl(String s, boolean tabAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && !(c == '\t' && tabAllowed)) || (c >= 0x7f && c <= 0x9f) || c == '\u2028'
                    || c == '\u2029' || (c >= '\u200B' && c <= '\u200F') || c == '\uFEFF' || c >= '\uFFFE') {
                return true;
            }
        }
        return false;
    }

    /** A surrogate not part of a pair (a lone JSON escape such as backslash-uD800): not a character at all. */
    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public ValidationResult validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ValidationResult.invalid(List.of(new FieldError("$", "must be a JSON object")));
        }
        var errors = new ArrayList<FieldError>();
        var reader = new FieldReader(node, errors);

        EventType type = null;
        String typeName = reader.text("type", true, 64);
        if (typeName != null) {
            type = EventType.parse(typeName.toUpperCase(Locale.ROOT)).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "unknown type '" + typeName
                        + "'; expected one of PATENT_FILED, PATENT_GRANTED, PATENT_LICENSED, PATENT_TRANSFERRED"));
            }
        }
        String eventId = reader.text("eventId", true, MAX_EVENT_ID);
        String patentId = patentId(reader, errors);
        if (type == null) {
            return ValidationResult.invalid(errors);
        }

        boolean filed = type == EventType.PATENT_FILED;
        String country = country(reader, "country", filed);
        String institution = reader.text("institution", filed, MAX_TEXT);
        Sector sector = sector(reader, filed);
        LocalDate filingDate = date(reader, "filingDate", filed);
        String city = reader.text("city", false, MAX_TEXT);
        List<String> cpc = cpc(reader);
        String title = reader.text("title", false, MAX_TEXT);

        boolean granted = type == EventType.PATENT_GRANTED;
        LocalDate grantDate = date(reader, "grantDate", granted);

        boolean deal = type.isDeal();
        String counterparty = reader.text("counterparty", deal, MAX_TEXT);
        String counterpartyCountry = country(reader, "counterpartyCountry", deal);
        LocalDate effectiveDate = date(reader, "effectiveDate", deal);
        String terms = reader.text("terms", false, MAX_TEXT);

        // Retractions: the deal taken back, and why.
        String dealEventId = type == EventType.DEAL_RETRACTED ? reader.text("dealEventId", true, MAX_EVENT_ID) : null;
        String reason = type.isRetraction() ? reader.text("reason", true, MAX_TEXT) : null;

        if (!errors.isEmpty()) {
            return ValidationResult.invalid(errors);
        }
        return ValidationResult.ok(new PatentEvent(type, eventId, patentId, country, institution, sector, filingDate,
                city, cpc, title, grantDate, counterparty, counterpartyCountry, effectiveDate, terms, dealEventId, reason));
    }

    private static String patentId(FieldReader reader, List<FieldError> errors) {
        String raw = reader.text("patentId", true, 64);
        if (raw == null) {
            return null;
        }
        String id = (hasSeparator(raw) ? PATENT_ID_SEPARATORS.matcher(raw).replaceAll("") : raw).toUpperCase(Locale.ROOT);
        if (!hasPatentIdShape(id)) {
            errors.add(new FieldError("patentId",
                    "must be an office code followed by 4 to 20 letters or digits, e.g. CN115123456A"));
            return null;
        }
        String office = id.substring(0, 2);
        if (!COUNTRIES.contains(office) && !REGIONAL_OFFICES.contains(office)) {
            errors.add(new FieldError("patentId", "unknown patent office '" + office + "'"));
            return null;
        }
        return id;
    }

    /** Whether a raw patent id has dashes or whitespace to drop (most do not: the regex is skipped then). */
    private static boolean hasSeparator(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Z]{2}[A-Z0-9]{4,20}}, checked by a loop: it runs for every event read. */
    static boolean hasPatentIdShape(String id) {
        if (id.length() < 6 || id.length() > 22) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            if (!letter && (i < 2 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String country(FieldReader reader, String field, boolean required) {
        String raw = reader.text(field, required, 8);
        if (raw == null) {
            return null;
        }
        String code = raw.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reader.errors.add(new FieldError(field, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code"));
            return null;
        }
        return code;
    }

    private static Sector sector(FieldReader reader, boolean required) {
        String raw = reader.text("sector", required, 32);
        if (raw == null) {
            return null;
        }
        try {
            return Sector.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reader.errors.add(new FieldError("sector", "unknown sector '" + raw
                    + "'; expected one of SEMICONDUCTORS, MATERIALS, BIOMEDICINE, ENERGY, CATALYSIS, ENVIRONMENT, OTHER"));
            return null;
        }
    }

    private LocalDate date(FieldReader reader, String field, boolean required) {
        String raw = reader.text(field, required, 10);
        if (raw == null) {
            return null;
        }
        LocalDate date;
        try {
            date = parseDate(raw);
        } catch (DateTimeException e) {
            reader.errors.add(new FieldError(field, "must be an ISO-8601 calendar date (YYYY-MM-DD)"));
            return null;
        }
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        if (date.isBefore(EARLIEST_DATE)) {
            reader.errors.add(new FieldError(field, "must not be before 1900-01-01"));
            return null;
        }
        if (date.isAfter(tomorrow)) {
            reader.errors.add(new FieldError(field, "must not be later than tomorrow (" + tomorrow + ")"));
            return null;
        }
        return date;
    }

    /**
     * {@link LocalDate#parse} (ISO-8601, strict), with the plain {@code YYYY-MM-DD} form read by hand first, as
     * DateTimeFormatter's general parser is costly on this hot path. Invalid days (2021-02-30) throw here as there.
     */
    static LocalDate parseDate(String raw) {
        if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
            int year = digits(raw, 0, 4);
            int month = digits(raw, 5, 7);
            int day = digits(raw, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(raw);
    }

    /** The decimal number in raw[from, to), or -1 if any character there is not an ASCII digit. */
    private static int digits(String raw, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static List<String> cpc(FieldReader reader) {
        JsonNode node = reader.node.get("cpc");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            reader.errors.add(new FieldError("cpc", "must be an array of CPC codes"));
            return null;
        }
        if (node.size() > MAX_CPC_CODES) {
            reader.errors.add(new FieldError("cpc", "at most " + MAX_CPC_CODES + " codes"));
            return null;
        }
        var codes = new ArrayList<String>(node.size());
        for (JsonNode code : node) {
            if (!code.isTextual() || code.asText().isBlank()) {
                reader.errors.add(new FieldError("cpc", "every code must be a non-empty string"));
                return null;
            }
            String raw = code.asText();
            String folded = foldWhitespace(raw).toUpperCase(Locale.ROOT);
            if (folded.length() > MAX_CPC_LENGTH || hasControl(raw, false) || hasUnpairedSurrogate(raw)) {
                reader.errors.add(new FieldError("cpc", "every code must be at most " + MAX_CPC_LENGTH
                        + " printable characters"));
                return null;
            }
            codes.add(folded);
        }
        return List.copyOf(codes);
    }

    /** Reads and normalises one text field, recording the field's error where it fails. */
    private static final class FieldReader {
        final JsonNode node;
        final List<FieldError> errors;

        FieldReader(JsonNode node, List<FieldError> errors) {
            this.node = node;
            this.errors = errors;
        }

        String text(String field, boolean required, int maxLength) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(new FieldError(field, "is required"));
                }
                return null;
            }
            if (!value.isTextual()) {
                errors.add(new FieldError(field, "must be a string"));
                return null;
            }
            String raw = value.asText();
            // Length is checked before folding too, so a 100 KB string is refused without more work.
            if (raw.length() > maxLength * 4 + 64) {
                errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
                return null;
            }
            // Free text (the 512-character fields) may hold tabs; codes and identifiers may not.
            if (hasControl(raw, maxLength == MAX_TEXT)) {
                errors.add(new FieldError(field, "must not contain control characters or line breaks"));
                return null;
            }
            if (hasUnpairedSurrogate(raw)) {
                errors.add(new FieldError(field, "must not contain an unpaired surrogate (not a character)"));
                return null;
            }
            String folded = foldWhitespace(raw);
            if (folded.isEmpty()) {
                errors.add(new FieldError(field, required ? "is required and must not be blank" : "must not be blank"));
                return null;
            }
            if (folded.length() > maxLength) {
                errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
                return null;
            }
            return folded;
        }
    }
}
