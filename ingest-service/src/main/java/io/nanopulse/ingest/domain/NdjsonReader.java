package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.problem.JsonFailure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Reads an application/x-ndjson body line by line into an {@link ItemSink}: one event object per line,
 * blank lines ignored. A line that is not valid UTF-8 (decoded strictly, see {@link StrictUtf8Reader}), not
 * JSON, or longer than the limit is one rejected item; it never fails the rest of the stream.
 */
public final class NdjsonReader {
    private static final int READ_BUFFER = 64 * 1024;

    private final ObjectReader reader = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final CharsetDecoder decoder = StrictUtf8Reader.decoder();
    private final int maxLineBytes;
    private char[] text = new char[1024];

    public NdjsonReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public void read(InputStream body, ItemSink sink) throws IOException {
        new LineSplitter(maxLineBytes, READ_BUFFER).split(body, new LineSplitter.Handler() {
            @Override
            public void line(long lineNumber, byte[] bytes, int offset, int length) throws IOException {
                if (isBlank(bytes, offset, length)) {
                    return;
                }
                int chars = decode(bytes, offset, length);
                if (chars < 0) {
                    sink.reject(lineNumber, null, "$", "not valid UTF-8 at byte " + (-chars - 1) + " of the line");
                    return;
                }
                // A byte-order mark may open the stream.
                int start = lineNumber == 1 && chars > 0 && text[0] == '\uFEFF' ? 1 : 0;
                JsonNode node;
                try (JsonParser parser = reader.createParser(text, start, chars - start)) {
                    node = reader.readTree(parser);
                } catch (MismatchedInputException e) {
                    sink.reject(lineNumber, null, "$", "one JSON value per line expected; found more");
                    return;
                } catch (JsonProcessingException e) {
                    JsonFailure failure = JsonFailure.of(e);
                    boolean whole = failure.field().equals("body");
                    sink.reject(lineNumber, null, whole ? "$" : failure.field(),
                            whole ? "not valid JSON: " + failure.reason() : failure.reason());
                    return;
                }
                if (node == null) {
                    return;
                }
                sink.offer(lineNumber, node);
            }

            @Override
            public void tooLong(long lineNumber) {
                sink.reject(lineNumber, null, "$", "line longer than " + maxLineBytes + " bytes");
            }
        });
    }

    /** Decodes a line strictly into {@link #text}: its length, or -(1 + offset of the first invalid byte). */
    private int decode(byte[] bytes, int offset, int length) {
        if (text.length < length) {
            text = new char[Math.max(length, Math.min(maxLineBytes, text.length * 2))];
        }
        CharBuffer out = CharBuffer.wrap(text);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return -(1 + in.position() - offset);
        }
        return out.position();
    }

    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
