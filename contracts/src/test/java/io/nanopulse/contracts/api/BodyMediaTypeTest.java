package io.nanopulse.contracts.api;

import io.nanopulse.contracts.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body must say what it is, and text is UTF-8 only. */
class BodyMediaTypeTest {

    private static Optional<Problem> post(String contentType, String length) {
        return BodyMediaType.problem("POST", contentType, length, null);
    }

    @Test
    void aBodyWithoutContentTypeIsRefused() {
        Problem p = post(null, "12").orElseThrow();
        assertEquals(415, p.status());
        assertEquals("Content-Type", p.field());
        assertTrue(BodyMediaType.problem("PUT", " ", null, "chunked").isPresent());
    }

    @Test
    void aCharsetOtherThanUtf8IsRefused() {
        assertTrue(post("application/json; charset=utf-16", "2").orElseThrow().detail().contains("utf-16"));
        assertTrue(post("text/csv;charset=\"ISO-8859-1\"", "2").isPresent());
        assertTrue(post("application/json; CHARSET=latin1", "2").isPresent());
        assertTrue(post("not a media type", "2").isPresent());
    }

    @Test
    void utf8OrNoCharsetPasses() {
        assertEquals(Optional.empty(), post("application/json", "2"));
        assertEquals(Optional.empty(), post("application/json; charset=UTF-8", "2"));
        assertEquals(Optional.empty(), post("application/x-ndjson;charset=\"utf-8\"", "2"));
    }

    @Test
    void withoutABodyTheHeadersSayNothing() {
        assertEquals(Optional.empty(), post(null, null));
        assertEquals(Optional.empty(), post("text/plain; charset=ISO-8859-1", "0"));
        assertEquals(Optional.empty(), BodyMediaType.problem("GET", null, "12", null));
        assertEquals(Optional.empty(), BodyMediaType.problem("DELETE", "text/plain; charset=utf-16", "12", null));
    }
}
