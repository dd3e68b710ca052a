package io.nanopulse.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventValidatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final EventValidator validator = new EventValidator(CLOCK);

    static ObjectNode filed() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "PATENT_FILED").put("eventId", "e-1").put("patentId", "CN115123456A").put("country", "CN")
                .put("institution", "Chinese Academy of Sciences").put("sector", "MATERIALS")
                .put("filingDate", "2024-03-18").put("city", "Beijing");
        return n;
    }

    static ObjectNode licensed() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "PATENT_LICENSED").put("eventId", "l-1").put("patentId", "CN115123456A")
                .put("counterparty", "BOE").put("counterpartyCountry", "CN").put("effectiveDate", "2025-01-02");
        return n;
    }

    @Test
    void acceptsAndNormalisesAFiling() {
        ObjectNode n = filed();
        n.put("institution", "  CHINESE   ACADEMY\tOF SCIENCES ").put("patentId", "cn-115123456-a").put("country", "cn");
        ValidationResult r = validator.validate(n);
        assertTrue(r.isValid(), () -> r.errors().toString());
        assertEquals("CHINESE ACADEMY OF SCIENCES", r.event().institution());
        assertEquals("CN115123456A", r.event().patentId());
        assertEquals("CN", r.event().country());
        assertEquals(LocalDate.of(2024, 3, 18), r.event().filingDate());
        assertEquals(Sector.MATERIALS, r.event().sector());
    }

    @Test
    void acceptsEachTypeWithItsRequiredFields() {
        assertTrue(validator.validate(licensed()).isValid());
        ObjectNode t = licensed().put("type", "PATENT_TRANSFERRED").put("terms", "ASSIGNMENT OF ASSIGNORS INTEREST");
        assertEquals(EventType.PATENT_TRANSFERRED, validator.validate(t).event().type());
        ObjectNode g = Json.mapper().createObjectNode().put("type", "PATENT_GRANTED").put("eventId", "g")
                .put("patentId", "US11234567B2").put("grantDate", "2020-01-01");
        assertTrue(validator.validate(g).isValid());
    }

    @Test
    void toleratesUnknownFieldsForForwardCompatibility() {
        assertTrue(validator.validate(filed().put("futureField", 42)).isValid());
    }

    static Stream<Arguments> badInputs() {
        String huge = "x".repeat(100_000);
        return Stream.of(
                Arguments.of("missing type", filed().without("type"), "type", "is required"),
                Arguments.of("unknown type", filed().put("type", "PATENT_STOLEN"), "type", "unknown type"),
                Arguments.of("type not a string", filed().put("type", 3), "type", "must be a string"),
                Arguments.of("missing eventId", filed().without("eventId"), "eventId", "is required"),
                Arguments.of("blank eventId", filed().put("eventId", "   "), "eventId", "must not be blank"),
                Arguments.of("eventId too long", filed().put("eventId", "e".repeat(129)), "eventId", "at most 128"),
                Arguments.of("missing patentId", filed().without("patentId"), "patentId", "is required"),
                Arguments.of("patentId bad form", filed().put("patentId", "12345"), "patentId", "office code"),
                Arguments.of("patentId SQL", filed().put("patentId", "CN1'; DROP TABLE patent;--"), "patentId", "office code"),
                Arguments.of("patentId unknown office", filed().put("patentId", "ZZ123456A"), "patentId", "unknown patent office"),
                Arguments.of("country not ISO", filed().put("country", "XX"), "country", "ISO 3166-1"),
                Arguments.of("country is an office", filed().put("country", "EP"), "country", "ISO 3166-1"),
                Arguments.of("country missing", filed().without("country"), "country", "is required"),
                Arguments.of("sector unknown", filed().put("sector", "MAGIC"), "sector", "unknown sector"),
                Arguments.of("institution missing", filed().without("institution"), "institution", "is required"),
                Arguments.of("institution 100 KB", filed().put("institution", huge), "institution", "at most 512"),
                Arguments.of("institution 513 chars", filed().put("institution", "a".repeat(513)), "institution", "at most 512"),
                Arguments.of("control character", filed().put("institution", "CAS\u0000"), "institution", "control characters"),
                Arguments.of("bell character", filed().put("city", "Bei\u0007jing"), "city", "control characters"),
                Arguments.of("line feed in free text", filed().put("institution", "Osaka\nUniv"), "institution", "line breaks"),
                Arguments.of("carriage return in free text", filed().put("title", "a\rb"), "title", "line breaks"),
                Arguments.of("NUL in eventId", filed().put("eventId", "e\u0000"), "eventId", "control characters"),
                Arguments.of("tab in eventId", filed().put("eventId", "e\t1"), "eventId", "control characters"),
                Arguments.of("tab in patentId", filed().put("patentId", "CN\t115123456A"), "patentId", "control characters"),
                Arguments.of("NUL in country", filed().put("country", "C\u0000"), "country", "control characters"),
                Arguments.of("NUL in sector", filed().put("sector", "MATERIALS\u0000"), "sector", "control characters"),
                Arguments.of("NUL in type", filed().put("type", "PATENT_FILED\u0000"), "type", "control characters"),
                Arguments.of("NUL in date", filed().put("filingDate", "2024-01\u0000"), "filingDate", "control characters"),
                Arguments.of("vertical tab in cpc", filed().set("cpc", Json.mapper().createArrayNode().add("B82Y\u000B30/00")),
                        "cpc", "printable"),
                Arguments.of("NUL in counterparty", licensed().put("counterparty", "BOE\u0000"), "counterparty", "control characters"),
                Arguments.of("DEL in terms", licensed().put("terms", "x\u007Fy"), "terms", "control characters"),
                Arguments.of("lone high surrogate", filed().put("city", "Bei\uD800jing"), "city", "unpaired surrogate"),
                Arguments.of("lone low surrogate", filed().put("institution", "\uDC00CAS"), "institution", "unpaired surrogate"),
                Arguments.of("surrogate in cpc", filed().set("cpc", Json.mapper().createArrayNode().add("B82Y\uD800")),
                        "cpc", "printable"),
                Arguments.of("noncharacter", filed().put("city", "Bei\uFFFFjing"), "city", "control characters"),
                Arguments.of("date unparseable", filed().put("filingDate", "2024-13-45"), "filingDate", "ISO-8601"),
                Arguments.of("date wrong form", filed().put("filingDate", "18/03/2024"), "filingDate", "ISO-8601"),
                Arguments.of("date no such day", filed().put("filingDate", "2021-02-29"), "filingDate", "ISO-8601"),
                Arguments.of("date month zero", filed().put("filingDate", "2021-00-10"), "filingDate", "ISO-8601"),
                Arguments.of("date one-digit month", filed().put("filingDate", "2021-1-10"), "filingDate", "ISO-8601"),
                Arguments.of("date non-ASCII digits", filed().put("filingDate", "２０２１-01-10"), "filingDate", "ISO-8601"),
                Arguments.of("patentId too short", filed().put("patentId", "CN123"), "patentId", "office code"),
                Arguments.of("patentId too long", filed().put("patentId", "CN" + "1".repeat(21)), "patentId", "office code"),
                Arguments.of("patentId digit office", filed().put("patentId", "C1123456A"), "patentId", "office code"),
                Arguments.of("patentId inner symbol", filed().put("patentId", "CN1234_56A"), "patentId", "office code"),
                Arguments.of("date before 1900", filed().put("filingDate", "1899-12-31"), "filingDate", "before 1900"),
                Arguments.of("date after tomorrow", filed().put("filingDate", "2025-06-03"), "filingDate", "later than tomorrow"),
                Arguments.of("cpc not array", filed().put("cpc", "B82Y"), "cpc", "array"),
                Arguments.of("grant without date", Json.mapper().createObjectNode().put("type", "PATENT_GRANTED")
                        .put("eventId", "g").put("patentId", "US11234567B2"), "grantDate", "is required"),
                Arguments.of("licence without counterparty", licensed().without("counterparty"), "counterparty", "is required"),
                Arguments.of("licence bad counterparty country", licensed().put("counterpartyCountry", "Mars"),
                        "counterpartyCountry", "ISO 3166-1"),
                Arguments.of("licence without date", licensed().without("effectiveDate"), "effectiveDate", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesWithTheFieldAndReason(String name, JsonNode input, String field, String reason) {
        ValidationResult r = validator.validate(input);
        assertFalse(r.isValid(), name + " should be refused");
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals(field) && e.reason().contains(reason)),
                () -> name + ": expected " + field + " '" + reason + "' in " + r.errors());
    }

    @Test
    void readsDatesAndIdsAtTheEdgesOfTheirForms() {
        assertEquals(java.time.LocalDate.of(2024, 2, 29),
                validator.validate(filed().put("filingDate", "2024-02-29")).event().filingDate());
        assertEquals(java.time.LocalDate.of(2019, 12, 31),
                validator.validate(filed().put("filingDate", "2019-12-31")).event().filingDate());
        assertEquals("CN1234", validator.validate(filed().put("patentId", "CN1234")).event().patentId());
        String longest = "WO" + "A1".repeat(10);
        assertEquals(longest, validator.validate(filed().put("patentId", longest.toLowerCase())).event().patentId());
        assertEquals("US7650331B1", validator.validate(filed().put("patentId", "US 7650331 B1")).event().patentId());
    }

    @Test
    void freeTextKeepsPairedSurrogatesAndFoldsTabs() {
        var event = validator.validate(filed().put("institution", "Tsinghua\tUniversity \uD83D\uDE00")).event();
        assertEquals("Tsinghua University \uD83D\uDE00", event.institution());
    }

    @Test
    void tomorrowIsTheLastAcceptedDate() {
        assertTrue(validator.validate(filed().put("filingDate", "2025-06-02")).isValid());
        assertTrue(validator.validate(filed().put("filingDate", "1900-01-01")).isValid());
    }

    @Test
    void nonObjectIsRefused() {
        assertEquals("$", validator.validate(Json.mapper().createArrayNode()).errors().get(0).field());
    }

    @Test
    void htmlIsKeptAsInertText() {
        ValidationResult r = validator.validate(filed().put("title", "<script>alert(1)</script>"));
        assertTrue(r.isValid());
        assertEquals("<script>alert(1)</script>", r.event().title());
    }
}
