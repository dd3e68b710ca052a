package io.nanopulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Plain-Java parts of the status and the stream pass-through. */
class StatusArithmeticTest {

    @Test
    void ratesNeedTwoSamplesAtLeastASecondApartAndSurviveACounterRestart() {
        RateTracker t = new RateTracker(1.0);
        assertNull(t.update(0, 100));
        assertNull(t.update(500_000_000L, 150), "half a second is too short");
        assertEquals(100.0, t.update(2_000_000_000L, 300), 1e-9);
        assertEquals(100.0, t.update(2_100_000_000L, 900), 1e-9, "too soon: keeps the last rate");
        assertEquals(100.0, t.update(3_000_000_000L, 5), 1e-9, "restart re-anchors");
        assertEquals(5.0, t.update(5_000_000_000L, 15), 1e-9);
    }

    @Test
    void prometheusCountersAreSummedByLabel() {
        String text = "# HELP x\n"
                + "nanopulse_alerts_webhook_deliveries_total{outcome=\"delivered\",} 6.0\n"
                + "nanopulse_alerts_webhook_deliveries_total{instance=\"a\",outcome=\"retry\"} 2.0\n"
                + "nanopulse_alerts_webhook_deliveries_total{instance=\"b\",outcome=\"retry\"} 1.0\n"
                + "nanopulse_alerts_webhook_deliveries_total{outcome=\"ignored\"} 4.0\n"
                + "nanopulse_alerts_webhook_deliveries_totalx{outcome=\"retry\"} 50.0\n";
        var sums = PrometheusText.sumBy(text, "nanopulse_alerts_webhook_deliveries_total", "outcome");
        assertEquals(6.0, sums.get("delivered"));
        assertEquals(3.0, sums.get("retry"));
        assertEquals(3, sums.size());
        var w = WebhookTally.fromPrometheus(text);
        assertEquals(9, w.attempts(), "ignored is not an attempt");
        assertEquals(3, w.failures());
        assertEquals(1.0 / 3, w.failureRate(), 1e-9);
        assertNull(new WebhookTally(0, 0).failureRate());
    }

    @Test
    void consumerLagIsSummedPerTopicAndNeverNegative() {
        GroupLag lag = GroupLag.of("metrics-service", List.of(
                new GroupLag.Position("patent-events", 7, 10),
                new GroupLag.Position("patent-events", 5, 5),
                new GroupLag.Position("patent-events.dlq", 4, 3)));
        assertEquals(3, lag.lag());
        assertEquals(3L, lag.lagByTopic().get("patent-events"));
        assertEquals(0L, lag.lagByTopic().get("patent-events.dlq"));
    }

    @Test
    void sseDataIsReassembledAcrossChunkBoundaries() {
        SseParser parser = new SseParser();
        List<String> events = new ArrayList<>();
        events.addAll(parser.feed("data:{\"a\":"));
        events.addAll(parser.feed("1}\n\n: comment\r\ndata: x\ndata:y\r\n"));
        events.addAll(parser.feed("\r\nid: 7\n\n"));
        assertEquals(List.of("{\"a\":1}", "x\ny"), events);
    }
}
