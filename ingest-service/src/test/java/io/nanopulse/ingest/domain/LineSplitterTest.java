package io.nanopulse.ingest.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineSplitterTest {

    /** Splits with a tiny read buffer so lines cross buffer boundaries. */
    private static List<String> split(String text, int maxLine, int buffer) throws IOException {
        var out = new ArrayList<String>();
        new LineSplitter(maxLine, buffer).split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new LineSplitter.Handler() {
                    @Override
                    public void line(long n, byte[] b, int off, int len) {
                        out.add(n + ":" + new String(b, off, len, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void tooLong(long n) {
                        out.add(n + ":TOO LONG");
                    }
                });
        return out;
    }

    @Test
    void linesAcrossBuffersCrLfAndALastLineWithoutNewline() throws IOException {
        assertEquals(List.of("1:abc", "2:defghij", "3:", "4:k\u00e9l"),
                split("abc\ndefghij\r\n\nk\u00e9l", 100, 3));
    }

    @Test
    void aTooLongLineIsReportedOnceAndSkippedToItsEnd() throws IOException {
        assertEquals(List.of("1:ok", "2:TOO LONG", "3:fine", "4:TOO LONG"),
                split("ok\n" + "x".repeat(50) + "\nfine\n" + "y".repeat(11), 10, 4));
        assertEquals(List.of("1:TOO LONG", "2:a"), split("z".repeat(11) + "\na", 10, 64));
    }

    @Test
    void aLineOfExactlyTheLimitPasses() throws IOException {
        assertEquals(List.of("1:" + "q".repeat(10), "2:TOO LONG"),
                split("q".repeat(10) + "\n" + "q".repeat(11) + "\n", 10, 3));
    }
}
