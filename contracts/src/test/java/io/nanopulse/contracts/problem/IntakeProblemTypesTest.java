package io.nanopulse.contracts.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The intake's own kinds share the one URI scheme and never stand in for the general kind of their status. */
class IntakeProblemTypesTest {

    @Test
    void intakeKindsUseTheOneSchemeWithTheirOwnSlugs() {
        assertEquals("https://nanopulse.io/problems/malformed-json", ProblemType.MALFORMED_JSON.uri());
        assertEquals("https://nanopulse.io/problems/empty-body", ProblemType.EMPTY_BODY.uri());
        assertEquals("https://nanopulse.io/problems/too-many-events", ProblemType.TOO_MANY_EVENTS.uri());
        assertEquals("https://nanopulse.io/problems/malformed-csv", ProblemType.MALFORMED_CSV.uri());
        assertEquals("https://nanopulse.io/problems/bad-csv-header", ProblemType.BAD_CSV_HEADER.uri());
        assertEquals("https://nanopulse.io/problems/kafka-unavailable", ProblemType.KAFKA_UNAVAILABLE.uri());
        assertEquals(413, ProblemType.TOO_MANY_EVENTS.status());
        assertEquals(503, ProblemType.KAFKA_UNAVAILABLE.status());
        assertEquals("Unexpected CSV header", ProblemType.BAD_CSV_HEADER.title());
    }

    @Test
    void forStatusStillAnswersTheGeneralKind() {
        assertEquals(ProblemType.INVALID_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.BODY_TOO_LARGE, ProblemType.forStatus(413));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, ProblemType.forStatus(503));
    }
}
