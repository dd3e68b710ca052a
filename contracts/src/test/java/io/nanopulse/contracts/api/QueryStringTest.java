package io.nanopulse.contracts.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryStringTest {

    private static String refusedField(String raw) {
        var result = QueryString.decode(raw);
        assertTrue(result.refusal().isPresent(), raw);
        assertEquals(400, result.problem().status(), raw);
        return result.problem().field();
    }

    @Test
    void wellFormedQueriesDecode() {
        var r = QueryString.decode("name=caf%C3%A9&a=x+y&a=&flag&&e=%F0%9F%98%80");
        assertTrue(r.refusal().isEmpty());
        assertEquals(Map.of("name", List.of("café"), "a", List.of("x y", ""), "flag", List.of(""), "e", List.of("😀")), r.values());
        assertTrue(QueryString.decode(null).refusal().isEmpty());
        assertTrue(QueryString.decode("").refusal().isEmpty());
    }

    @Test
    void invalidUtf8IsRefusedNamingTheParameter() {
        for (String bad : new String[]{"%C0%BC", "%ED%A0%80", "%FF", "%E2%82", "%C0%AE"}) {
            assertEquals("name", refusedField("a=1&name=" + bad), bad);
        }
    }

    @Test
    void malformedEscapesAndRawBytesAreRefused() {
        for (String bad : new String[]{"%", "%G1", "%4", "ab%", "%٣٣", "é"}) {
            assertEquals("v", refusedField("v=" + bad), bad);
        }
        assertEquals("parameters", refusedField("%FF=1"));
    }

    @Test
    void controlCharactersInNamesAndValuesAreRefused() {
        assertEquals("zz", refusedField("zz=1&zz=%00"));
        assertEquals("parameters", refusedField("%00=1"));
        assertEquals("asOf", refusedField("asOf=2025-06-01%7F"));
        assertEquals("q", refusedField("q=%E2%80%8B"));
    }
}
