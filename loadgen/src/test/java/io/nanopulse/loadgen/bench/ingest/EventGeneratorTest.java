package io.nanopulse.loadgen.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventGeneratorTest {
    @Test
    void sameInputSameBytes() {
        assertEquals(EventGenerator.event("run", 12345), EventGenerator.event("run", 12345));
        assertNotEquals(EventGenerator.event("run", 1), EventGenerator.event("warm", 1), "runs differ by event id");
    }

    @Test
    void eightFilingsOneGrantOneLicenceInTenValidJsonEventsOfAboutTheSameSize() throws Exception {
        Map<String, Integer> types = new HashMap<>();
        long bytes = 0;
        for (long i = 0; i < 1000; i++) {
            String json = EventGenerator.event("t", i);
            bytes += json.length();
            JsonNode e = Json.mapper().readTree(json);
            types.merge(e.path("type").asText(), 1, Integer::sum);
            assertEquals("bench-t-" + i, e.path("eventId").asText());
            assertTrue(e.path("patentId").asText().matches("[A-Z]{2}\\d{9}A"), json);
        }
        assertEquals(Map.of("PATENT_FILED", 800, "PATENT_GRANTED", 100, "PATENT_LICENSED", 100), types);
        long average = bytes / 1000;
        assertTrue(average > 150 && average < 300, "about 230 bytes each: " + average);
    }
}
