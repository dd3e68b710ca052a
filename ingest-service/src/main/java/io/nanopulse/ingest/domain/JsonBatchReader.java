package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.Json;
import io.nanopulse.ingest.domain.MalformedRequestException.Kind;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an application/json body, one event object or an array of them, token by token: items are
 * validated as they are parsed (no second copy of the body), and the body and item limits are enforced
 * while reading, so an oversized request is refused without being held in memory.
 */
public final class JsonBatchReader {
    private final ObjectMapper mapper = Json.mapper();
    private final long maxBytes;
    private final int maxItems;

    public JsonBatchReader(long maxBytes, int maxItems) {
        this.maxBytes = maxBytes;
        this.maxItems = maxItems;
    }

    /** Feeds every item to the sink; throws {@link MalformedRequestException} for a bad body. */
    public void read(InputStream body, ItemSink sink) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(new BoundedInputStream(body, maxBytes))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedRequestException(Kind.EMPTY_BODY,
                        "the body is empty; send one event object or an array of events", "$");
            }
            if (first == JsonToken.START_OBJECT) {
                sink.offer(0, mapper.readTree(parser));
            } else if (first == JsonToken.START_ARRAY) {
                long index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (index == maxItems) {
                        throw new MalformedRequestException(Kind.TOO_MANY_EVENTS, "at most " + maxItems
                                + " events per application/json request; send larger sets as application/x-ndjson",
                                "$[" + maxItems + "]");
                    }
                    sink.offer(index++, mapper.readTree(parser));
                }
            } else {
                throw new MalformedRequestException(Kind.MALFORMED_JSON,
                        "the body must be one event object or an array of events, not " + describe(first), "$");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new MalformedRequestException(Kind.MALFORMED_JSON, "unexpected content after the JSON value at "
                        + where(parser), "$");
            }
        } catch (BoundedInputStream.TooLarge e) {
            throw new MalformedRequestException(Kind.BODY_TOO_LARGE, "the body is larger than " + e.limit()
                    + " bytes; send larger sets as application/x-ndjson", "$");
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException(Kind.MALFORMED_JSON, "not valid JSON: " + JsonErrors.describe(e),
                    "$");
        }
    }

    private static String where(JsonParser parser) {
        var loc = parser.currentTokenLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }
}
