package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.problem.JsonFailure;
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
    private final boolean arrays;

    public JsonBatchReader(long maxBytes, int maxItems) {
        this(maxBytes, maxItems, true);
    }

    private JsonBatchReader(long maxBytes, int maxItems, boolean arrays) {
        this.maxBytes = maxBytes;
        this.maxItems = maxItems;
        this.arrays = arrays;
    }

    /** A reader of a body that must be one JSON object, never an array of them. */
    public static JsonBatchReader oneObject(long maxBytes) {
        return new JsonBatchReader(maxBytes, 1, false);
    }

    /** Feeds every item to the sink; throws {@link MalformedRequestException} for a bad body. */
    public void read(InputStream body, ItemSink sink) throws IOException {
        var text = new StrictUtf8Reader(new BoundedInputStream(body, maxBytes), (line, column, offset) -> {
            throw new InvalidUtf8(line, column, offset);
        });
        JsonParser parser = null;
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            parser = p;
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedRequestException(Kind.EMPTY_BODY,
                        "the body is empty; send one event object or an array of events", "$");
            }
            if (first == JsonToken.START_OBJECT) {
                sink.offer(0, mapper.readTree(parser));
            } else if (first == JsonToken.START_ARRAY && !arrays) {
                throw new MalformedRequestException(Kind.MALFORMED_JSON, "the body must be one JSON object, not an array", "$");
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
        } catch (InvalidUtf8 e) {
            String field = path(parser);
            throw new MalformedRequestException(Kind.MALFORMED_JSON, "not valid UTF-8 at line " + e.line + ", column "
                    + e.column + " (byte " + e.byteOffset + ")" + (field.equals("$") ? "" : ", in " + field), field);
        } catch (JsonProcessingException e) {
            JsonFailure failure = JsonFailure.of(e);
            String field = field(failure.field());
            throw new MalformedRequestException(Kind.MALFORMED_JSON, (field.equals("$") ? "not valid JSON: "
                    : field + " ") + failure.reason(), field);
        }
    }

    /** An invalid UTF-8 sequence, thrown through the parser when it reaches it. */
    private static final class InvalidUtf8 extends IOException {
        final long line;
        final long column;
        final long byteOffset;

        InvalidUtf8(long line, long column, long byteOffset) {
            super("invalid UTF-8");
            this.line = line;
            this.column = column;
            this.byteOffset = byteOffset;
        }
    }

    /** The item and field the parser stood in, as {@code $[3].country}; {@code $} at the top. */
    private static String path(JsonParser parser) {
        return parser == null ? "$" : field(JsonFailure.field(parser.getParsingContext()));
    }

    /** A contracts JSON path ({@code [3].country}, {@code body}) in the intake's form ({@code $[3].country}, {@code $}). */
    static String field(String path) {
        return path.equals("body") ? "$" : "$" + (path.startsWith("[") ? "" : ".") + path;
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
