package io.nanopulse.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published JSON Schemas and the Java validator must agree: same examples in, same shapes out. */
class JsonSchemaConformanceTest {
    private final EventValidator validator =
            new EventValidator(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static JsonSchema schema(String name) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://nanopulse.io/schemas/", "classpath:schemas/")));
        return factory.getSchema(SchemaLocation.of("classpath:schemas/v1/" + name + ".json"));
    }

    private static JsonNode read(String name) throws Exception {
        try (InputStream in = JsonSchemaConformanceTest.class.getResourceAsStream("/schemas/v1/" + name + ".json")) {
            return Json.mapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"patent-filed", "patent-granted", "patent-licensed", "patent-transferred", "patent-retracted",
            "deal-retracted"})
    void everyExampleIsValidForSchemaAndValidator(String name) throws Exception {
        JsonNode example = read(name).get("examples").get(0);
        assertTrue(schema(name).validate(example).isEmpty(), name + " example fails its schema");
        assertTrue(schema("patent-event").validate(example).isEmpty(), name + " example fails the envelope");
        assertTrue(validator.validate(example).isValid(), name + " example fails the validator");
    }

    @Test
    void schemaAndValidatorBothRefuseMissingRequiredFields() throws Exception {
        for (String name : new String[]{"patent-filed", "patent-granted", "patent-licensed", "patent-transferred",
                "patent-retracted", "deal-retracted"}) {
            JsonNode schemaNode = read(name);
            for (JsonNode required : schemaNode.get("required")) {
                var broken = ((com.fasterxml.jackson.databind.node.ObjectNode) schemaNode.get("examples").get(0).deepCopy())
                        .without(required.asText());
                assertFalse(schema(name).validate(broken).isEmpty(), name + " schema accepts missing " + required);
                assertFalse(validator.validate(broken).isValid(), name + " validator accepts missing " + required);
            }
        }
    }

    @Test
    void schemaRequiredFieldsMatchTheContractTable() throws Exception {
        assertEquals("[\"type\",\"eventId\",\"patentId\",\"country\",\"institution\",\"sector\",\"filingDate\"]",
                read("patent-filed").get("required").toString());
        assertEquals("[\"type\",\"eventId\",\"patentId\",\"grantDate\"]", read("patent-granted").get("required").toString());
        assertEquals("[\"type\",\"eventId\",\"patentId\",\"reason\"]", read("patent-retracted").get("required").toString());
        assertEquals("[\"type\",\"eventId\",\"patentId\",\"dealEventId\",\"reason\"]",
                read("deal-retracted").get("required").toString());
    }
}
