package io.nanopulse.contracts.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * An instant as Jackson reads it, but refusing text with surrounding white space or control characters, which
 * Jackson's own reader trims away ({@code "2030-01-01T00:00:00Z\u0001"} is not an instant).
 */
public final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    public StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            if (!text.equals(text.strip()) || !Text.isClean(text)) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "must be an ISO-8601 instant without surrounding spaces or control characters");
            }
        }
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
}
