package io.nanopulse.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.PatentEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers without Quarkus or Kafka: what each hands its sink, and what refuses a body as a whole. */
class ReadersTest {

    /** Records each item as "position:what". */
    private static final class Recording implements ItemSink {
        final List<String> items = new ArrayList<>();

        @Override
        public void offer(long position, JsonNode item) {
            items.add(position + ":" + item);
        }

        @Override
        public void offer(long position, JsonNode item, UnaryOperator<PatentEvent> complete) {
            items.add(position + ":" + item.get("eventId").asText());
        }

        @Override
        public void reject(long position, String eventId, String field, String reason) {
            items.add(position + ":rejected " + field + " " + reason);
        }
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ndjsonNumbersLinesSkipsBlankOnesAndRejectsTheUnreadable() throws IOException {
        var sink = new Recording();
        new NdjsonReader(16).read(body("{\"a\":1}\n\n  \r\nnope\n{\"b\":2} {}\n" + "x".repeat(17) + "\n{}"), sink);
        assertEquals(5, sink.items.size(), sink.items.toString());
        assertEquals("1:{\"a\":1}", sink.items.get(0));
        assertTrue(sink.items.get(1).startsWith("4:rejected $ not valid JSON: "), sink.items.get(1));
        assertEquals(List.of("5:rejected $ one JSON value per line expected; found more",
                "6:rejected $ line longer than 16 bytes", "7:{}"), sink.items.subList(2, 5));
    }

    @Test
    void aJsonArrayIsIndexedAndBoundedWhileRead() throws IOException {
        var sink = new Recording();
        new JsonBatchReader(1024, 3).read(body("[{\"a\":1}, 42, {}]"), sink);
        assertEquals(List.of("0:{\"a\":1}", "1:42", "2:{}"), sink.items);

        var tooMany = assertThrows(MalformedRequestException.class,
                () -> new JsonBatchReader(1024, 2).read(body("[{},{},{}]"), new Recording()));
        assertEquals(MalformedRequestException.Kind.TOO_MANY_EVENTS, tooMany.kind());
        assertEquals("$[2]", tooMany.field());

        var tooLarge = assertThrows(MalformedRequestException.class,
                () -> new JsonBatchReader(8, 100).read(body("[{\"a\":\"0123456789\"}]"), new Recording()));
        assertEquals(MalformedRequestException.Kind.BODY_TOO_LARGE, tooLarge.kind());
    }

    @Test
    void csvRowsBecomeFilingsWithAProvisionalEventIdAndTheirStartingLine() throws IOException {
        var sink = new Recording();
        new CsvImportReader(1024).read(body("\uFEFFcity,patentId,country,institution,sector,filingDate\n"
                + "Osaka,JP2024123456A,JP,\"Osaka\nUniv\",ENERGY,2024-01-02\nshort,row\n"), sink);
        assertEquals(List.of("2:csv:JP2024123456A", "4:rejected $ expected 6 columns, found 2"), sink.items);

        var header = assertThrows(MalformedRequestException.class,
                () -> new CsvImportReader(1024).read(body("patentId,country\n"), new Recording()));
        assertEquals(MalformedRequestException.Kind.BAD_CSV_HEADER, header.kind());
        assertEquals(1L, header.line());
    }

    @Test
    void recentEventIdsForgetTheOldestGenerationFirst() {
        var seen = new RecentEventIds(4);
        assertEquals(List.of(true, true, false, true, true, false),
                List.of(seen.add("a"), seen.add("b"), seen.add("a"), seen.add("c"), seen.add("d"), seen.add("c")));
        assertEquals(true, seen.add("a"), "two generations of two ids each: 'a' is forgotten");
    }
}
