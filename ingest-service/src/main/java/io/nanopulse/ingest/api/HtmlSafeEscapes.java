package io.nanopulse.ingest.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Responses echo client text (eventIds, rejected values in reasons). Besides JSON's own escaping,
 * {@code < > & '} are written as {@code \\u003c}-style escapes, so no echoed text is markup even when a
 * careless client renders a response as HTML. Applied to Quarkus's mapper (202 bodies) and to problems.
 */
@Singleton
public class HtmlSafeEscapes extends CharacterEscapes implements ObjectMapperCustomizer {
    private static final int[] ESCAPES;

    static {
        ESCAPES = CharacterEscapes.standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', '\''}) {
            ESCAPES[c] = CharacterEscapes.ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ESCAPES;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(this);
    }
}
