package io.nanopulse.contracts.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A UUID in its canonical 36-character text only. Jackson's own reader trims the text first, so
 * {@code "…05a8\u001b"} would pass as a UUID; here anything but hex digits in the 8-4-4-4-12 layout is refused.
 */
public final class StrictUuidDeserializer extends StdScalarDeserializer<UUID> {
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public StrictUuidDeserializer() {
        super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
        }
        String text = p.getText();
        if (!CANONICAL.matcher(text).matches()) {
            return (UUID) ctxt.handleWeirdStringValue(UUID.class, text.length() > 40 ? text.substring(0, 40) + "…" : text,
                    "must be a UUID like 0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11");
        }
        return UUID.fromString(text);
    }
}
