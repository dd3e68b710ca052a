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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** "{"a":"x" + bytes + "y"}" as raw bytes. */
    private static byte[] withBytes(String before, byte[] bytes, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + bytes.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(bytes, 0, out, a.length, bytes.length);
        System.arraycopy(c, 0, out, a.length + bytes.length, c.length);
        return out;
    }

    /** Overlong '<', an encoded surrogate, past U+10FFFF, a stray continuation byte, a truncated sequence, 0xFF. */
    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC0, (byte) 0xBC},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xBC}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xFF});

    @Test
    void invalidUtf8RefusesAJsonBodyNamingTheItemAndField() throws IOException {
        for (byte[] invalid : INVALID_UTF8) {
            byte[] body = withBytes("[{\"a\":1},\n{\"institution\":\"x", invalid, "y\"}]");
            var e = assertThrows(MalformedRequestException.class,
                    () -> new JsonBatchReader(1024, 10).read(new ByteArrayInputStream(body), new Recording()));
            assertEquals(MalformedRequestException.Kind.MALFORMED_JSON, e.kind());
            assertEquals("$[1].institution", e.field());
            assertTrue(e.getMessage().startsWith("not valid UTF-8 at line 2, column 18"), e.getMessage());
        }
        var sink = new Recording();
        new JsonBatchReader(1024, 10).read(body("\uFEFF[{\"a\":\"\u00e9\u4e2d\uD83D\uDE00\"}]"), sink);
        assertEquals(List.of("0:{\"a\":\"\u00e9\u4e2d\uD83D\uDE00\"}"), sink.items);
    }

    @Test
    void invalidUtf8RejectsOnlyItsNdjsonLine() throws IOException {
        for (byte[] invalid : INVALID_UTF8) {
            var sink = new Recording();
            new NdjsonReader(1024).read(new ByteArrayInputStream(withBytes("{\"a\":1}\n{\"a\":\"", invalid,
                    "\"}\n{\"b\":\"\u00e9\"}")), sink);
            assertEquals(List.of("1:{\"a\":1}", "2:rejected $ not valid UTF-8 at byte 6 of the line",
                    "3:{\"b\":\"\u00e9\"}"), sink.items);
        }
    }

    @Test
    void invalidUtf8RejectsOnlyItsCsvRow() throws IOException {
        String header = "patentId,country,institution,sector,filingDate,city\n";
        for (byte[] invalid : INVALID_UTF8) {
            var sink = new Recording();
            new CsvImportReader(1024).read(new ByteArrayInputStream(withBytes(header
                    + "JP2024123456A,JP,Osaka,ENERGY,2024-01-02,\nJP2024123457A,JP,\"Os\naka", invalid,
                    "\",ENERGY,2024-01-02,\nJP2024123458A,JP,Osaka,ENERGY,2024-01-02,\n")), sink);
            assertEquals(List.of("2:csv:JP2024123456A", "3:rejected $ not valid UTF-8 (line 4)",
                    "5:csv:JP2024123458A"), sink.items);
        }
        var header8 = assertThrows(MalformedRequestException.class, () -> new CsvImportReader(1024).read(
                new ByteArrayInputStream(withBytes("patentId,coun", new byte[] {(byte) 0xC0, (byte) 0xBC}, "try\n")),
                new Recording()));
        assertEquals(MalformedRequestException.Kind.BAD_CSV_HEADER, header8.kind());
    }

    @Test
    void aRepeatedFieldIsRefused() throws IOException {
        var e = assertThrows(MalformedRequestException.class, () -> new JsonBatchReader(1024, 10)
                .read(body("[{},{\"country\":\"XX\",\"city\":\"c\",\"country\":\"AQ\"}]"), new Recording()));
        assertEquals("$[1].country", e.field());
        assertEquals("$[1].country appears more than once in the same object", e.getMessage());

        var sink = new Recording();
        new NdjsonReader(1024).read(body("{\"country\":\"XX\",\"country\":\"AQ\"}\n{}"), sink);
        assertEquals(List.of("1:rejected country appears more than once in the same object", "2:{}"),
                sink.items);
    }

    @Test
    void parserLimitsAreSaidInPlainWords() {
        var e = assertThrows(MalformedRequestException.class,
                () -> new JsonBatchReader(1 << 20, 10).read(body("[" + "[".repeat(1001)), new Recording()));
        assertTrue(e.getMessage().startsWith("not valid JSON: nesting deeper than 1000 levels"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @Test
    void recentEventIdsForgetTheOldestGenerationFirst() {
        var seen = new RecentEventIds(4);
        assertEquals(List.of(true, true, false, true, true, false),
                List.of(seen.add("a"), seen.add("b"), seen.add("a"), seen.add("c"), seen.add("d"), seen.add("c")));
        assertEquals(true, seen.add("a"), "two generations of two ids each: 'a' is forgotten");
    }
}
