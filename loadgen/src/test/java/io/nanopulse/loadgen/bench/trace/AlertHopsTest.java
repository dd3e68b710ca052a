package io.nanopulse.loadgen.bench.trace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The hops of one alert from a hand-built trace whose span boundaries are known (times in ms from a base). */
class AlertHopsTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "5bf92f3577b34da6a3ce929d0e0e4737";
    private static final long BASE = 1_800_000_000_000_000_000L;

    private final SpanCollector spans = SpanCollector.start();

    @AfterEach
    void close() {
        spans.close();
    }

    private void span(String service, String name, String trace, String id, String parent, long startMs, long endMs,
                      SpanCollector.Link... links) {
        spans.add(new SpanCollector.Span(service, name, trace, id, parent, at(startMs), at(endMs), List.of(links)));
    }

    private static long at(long ms) {
        return BASE + ms * 1_000_000L;
    }

    /**
     * Ingest acks at 5; the metrics batch runs 20-50 and writes two metric changes (two parts): the first is sent at
     * 52 and evaluated alone at 60, the sample's own at 70; its evaluation runs from 80, the rule's transition 85-95,
     * the webhook arrives at 110.
     */
    private void batchOfTwoParts() {
        span("ingest-service", "POST /api/v1/events", TRACE, "00000000000000a1", null, 0, 5);
        span("metrics-service", AlertHops.BATCH_SPAN, TRACE, "00000000000000b1", "00000000000000a1", 20, 50);
        span("metrics-service", "metric-changes publish", TRACE, "00000000000000c1", "00000000000000b1", 52, 53);
        span("metrics-service", "metric-changes publish", TRACE, "00000000000000c2", "00000000000000b1", 70, 71);
        span("alerts-service", AlertHops.EVALUATE_SPAN, TRACE, "00000000000000d1", "00000000000000c1", 60, 65);
    }

    private Map<String, Double> hops() {
        return AlertHops.of(spans, TRACE, "00-" + TRACE + "-00000000000000e2-01", at(110));
    }

    @Test
    void theHopsComeFromTheSpanBoundariesOfTheSamplesOwnChange() {
        batchOfTwoParts();
        span("alerts-service", AlertHops.EVALUATE_SPAN, TRACE, "00000000000000d2", "00000000000000c2", 80, 100);
        span("alerts-service", AlertHops.RULE_SPAN, TRACE, "00000000000000e2", "00000000000000d2", 85, 95);

        Map<String, Double> hops = hops();
        assertEquals(AlertHops.NAMES, List.copyOf(hops.keySet()));
        assertEquals(15.0, hops.get(AlertHops.KAFKA_TO_BATCH));
        assertEquals(30.0, hops.get(AlertHops.BATCH));
        assertEquals(20.0, hops.get(AlertHops.RELAY), "from the batch's end to the send of the sample's own part");
        assertEquals(10.0, hops.get(AlertHops.KAFKA_TO_EVALUATE));
        assertEquals(5.0, hops.get(AlertHops.EVALUATE));
        assertEquals(10.0, hops.get(AlertHops.TRANSITION));
        assertEquals(15.0, hops.get(AlertHops.DELIVERY));
    }

    @Test
    void theSamplesSendIsFoundAmongTheEvaluationsLinks() {
        batchOfTwoParts();
        span("metrics-service", AlertHops.BATCH_SPAN, OTHER_TRACE, "00000000000000b9", null, 10, 40);
        span("metrics-service", "metric-changes publish", OTHER_TRACE, "00000000000000c9", "00000000000000b9", 41, 42);
        span("alerts-service", AlertHops.EVALUATE_SPAN, OTHER_TRACE, "00000000000000d2", "00000000000000c9", 80, 100,
                new SpanCollector.Link(TRACE, "00000000000000c2"));
        span("alerts-service", AlertHops.RULE_SPAN, OTHER_TRACE, "00000000000000e2", "00000000000000d2", 85, 95);

        Map<String, Double> hops = hops();
        assertEquals(20.0, hops.get(AlertHops.RELAY));
        assertEquals(10.0, hops.get(AlertHops.KAFKA_TO_EVALUATE));
        assertEquals(5.0, hops.get(AlertHops.EVALUATE));
    }

    @Test
    void whenOneEvaluationTookSeveralPartsOfTheBatchTheMetricChangeHopsAreLeftOut() {
        span("ingest-service", "POST /api/v1/events", TRACE, "00000000000000a1", null, 0, 5);
        span("metrics-service", AlertHops.BATCH_SPAN, TRACE, "00000000000000b1", "00000000000000a1", 20, 50);
        span("metrics-service", "metric-changes publish", TRACE, "00000000000000c1", "00000000000000b1", 52, 53);
        span("metrics-service", "metric-changes publish", TRACE, "00000000000000c2", "00000000000000b1", 70, 71);
        span("alerts-service", AlertHops.EVALUATE_SPAN, TRACE, "00000000000000d2", "00000000000000c1", 80, 100,
                new SpanCollector.Link(TRACE, "00000000000000c2"));
        span("alerts-service", AlertHops.RULE_SPAN, TRACE, "00000000000000e2", "00000000000000d2", 85, 95);

        Map<String, Double> hops = hops();
        assertEquals(List.of(AlertHops.KAFKA_TO_BATCH, AlertHops.BATCH, AlertHops.EVALUATE, AlertHops.TRANSITION,
                AlertHops.DELIVERY), List.copyOf(hops.keySet()));
    }

    @Test
    void missingSpansLeaveTheirHopsOut() {
        span("ingest-service", "POST /api/v1/events", TRACE, "00000000000000a1", null, 0, 5);
        assertEquals(Map.of(), hops());
    }

    @Test
    void theSpanIdIsReadAtItsOffsetInTheTraceparent() {
        assertEquals(Optional.of("00f067aa0ba902b7"),
                AlertHops.spanOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(AlertHops.spanOf(null).isPresent());
        assertFalse(AlertHops.spanOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa").isPresent());
    }
}
