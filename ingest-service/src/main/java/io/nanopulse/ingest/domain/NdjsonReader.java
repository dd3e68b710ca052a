package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.contracts.Json;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an application/x-ndjson body line by line into an {@link ItemSink}: one event object per line,
 * blank lines ignored. A line that is not JSON, or longer than the limit, is one rejected item; it never
 * fails the rest of the stream.
 */
public final class NdjsonReader {
    private static final int READ_BUFFER = 64 * 1024;

    private final ObjectReader reader = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxLineBytes;

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
                JsonNode node;
                try {
                    node = reader.readTree(bytes, offset, length);
                } catch (MismatchedInputException e) {
                    sink.reject(lineNumber, null, "$", "one JSON value per line expected; found more");
                    return;
                } catch (JsonProcessingException e) {
                    sink.reject(lineNumber, null, "$", "not valid JSON: " + JsonErrors.describe(e));
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
