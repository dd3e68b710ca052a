package io.nanopulse.metrics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.ValidationResult;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Parses and validates each {@code patent-events} record on the consumer's polling thread, so the next
 * batch is made ready while the current one is applied, and the applying thread does no parsing. It never
 * throws: a record that does not parse or validate comes out as an invalid {@link ParsedEvent}, which the
 * consumer dead-letters with its reason.
 */
public class PatentEventDeserializer implements Deserializer<ParsedEvent> {
    private final EventValidator validator = new EventValidator();

    @Override
    public ParsedEvent deserialize(String topic, byte[] data) {
        JsonNode node;
        try {
            node = data == null ? null : Json.mapper().readTree(data);
        } catch (Exception e) {
            return ParsedEvent.invalid(text(data), "$", "unparseable JSON");
        }
        ValidationResult result = validator.validate(node);
        if (result.isValid()) {
            return ParsedEvent.valid(result.event());
        }
        FieldError first = result.errors().get(0);
        return ParsedEvent.invalid(text(data), first.field(),
                result.errors().stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; ")));
    }

    private static String text(byte[] data) {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }
}
