package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jackson's failures in plain words: the field and the reason, never a class, method or setting name. */
class JsonFailureTest {

    record Key(String principal, List<String> roles, boolean active, int count) {
    }

    private static JsonFailure tree(String json) {
        return JsonFailure.of(assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(json)));
    }

    private static JsonFailure bind(String json) {
        return JsonFailure.of(assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(json, Key.class)));
    }

    private static void plain(JsonFailure f) {
        for (String internal : List.of("StreamReadConstraints", "java.", "`", "Jackson", "JsonToken", "Exception")) {
            assertFalse(f.reason().contains(internal), f.reason());
        }
    }

    @Test
    void aRepeatedFieldIsNamedWithItsPath() {
        JsonFailure f = tree("{\"subject\":{\"kind\":\"COUNTRY\",\"country\":\"XX\",\"country\":\"AQ\"}}");
        assertEquals("subject.country", f.field());
        assertEquals("appears more than once in the same object", f.reason());
        assertEquals("items[1].a", tree("{\"items\":[{},{\"a\":1,\"a\":2}]}").field());
    }

    @Test
    void deepNestingIsSaidInLevels() {
        JsonFailure f = tree("[".repeat(1001));
        assertTrue(f.reason().startsWith("nesting deeper than 1000 levels"), f.reason());
        plain(f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":nope}|unexpected text 'nope'",
            "{\"a\":1|the JSON text ends too early",
            "{\"a\":1]|a closing bracket that does not match",
            "{'a':1}|an unexpected character (''')",
            "{\"a\":01}|an invalid number",
            "{\"a\":\"\\q\"}|an invalid escape sequence"})
    void syntaxErrorsInPlainWords(String json, String reason) {
        JsonFailure f = tree(json);
        assertTrue(f.reason().startsWith(reason), f.reason());
        assertTrue(f.reason().contains(" at line 1, column "), f.reason());
        plain(f);
    }

    @Test
    void aControlCharacterInAStringIsNamed() {
        JsonFailure f = tree("{\"a\":\"x\u0000\"}");
        assertTrue(f.reason().startsWith("a control character inside a string (U+0000) must be escaped"), f.reason());
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        JsonFailure roles = bind("{\"principal\":\"p\",\"roles\":\"admin\"}");
        assertEquals("roles", roles.field());
        assertEquals("must be an array", roles.reason());
        assertEquals(new JsonFailure("principal", "must be a string"), bind("{\"principal\":[1]}"));
        assertEquals(new JsonFailure("active", "must be true or false"), bind("{\"active\":[]}"));
        assertEquals(new JsonFailure("count", "must be a number"), bind("{\"count\":\"many\"}"));
        assertEquals(new JsonFailure("body", "must be an object"), bind("[1]"));
    }
}
