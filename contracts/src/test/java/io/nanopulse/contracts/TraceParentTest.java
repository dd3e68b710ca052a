package io.nanopulse.contracts;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceParentTest {
    private static final String TP = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
    private static final String SAMPLED_B = "00-5bf92f3577b34da6a3ce929d0e0e4737-10f067aa0ba902b8-01";
    private static final String SAMPLED_C = "00-6bf92f3577b34da6a3ce929d0e0e4738-20f067aa0ba902b9-01";
    /** Sampled flag set, but an all-zero trace id: invalid. */
    private static final String INVALID_FLAGGED = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";

    private static TraceParent.Parent parentOf(String... traceparents) {
        return TraceParent.parentOf(Arrays.asList(traceparents), TraceParent.MAX_LINKS);
    }

    private static String traceOf(TraceParent.Parent p) {
        return Span.fromContext(p.context()).getSpanContext().getTraceId();
    }

    private static List<String> linkedTraces(TraceParent.Parent p) {
        return p.links().stream().map(SpanContext::getTraceId).toList();
    }

    @Test
    void aTraceparentRoundTripsThroughItsContext() {
        Context context = TraceParent.context(TP);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", Span.fromContext(context).getSpanContext().getTraceId());
        try (var ignored = context.makeCurrent()) {
            assertEquals(TP, TraceParent.current());
        }
    }

    @Test
    void noneOrAMalformedOneGivesNoTrace() {
        assertFalse(Span.fromContext(TraceParent.context(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(TraceParent.context("00-nonsense")).getSpanContext().isValid());
        assertNull(TraceParent.current(), "outside a span there is nothing to carry");
    }

    @Test
    void aFlaggedButInvalidTraceparentLosesToAValidOne() {
        var p = parentOf(INVALID_FLAGGED, "00-garbage-01", UNSAMPLED);
        assertEquals("0af7651916cd43dd8448eb211c80319c", traceOf(p));
        assertEquals(List.of(), p.links());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceOf(parentOf(INVALID_FLAGGED, TP)));
        assertEquals(List.of(), parentOf(TP, INVALID_FLAGGED).links());
    }

    @Test
    void anUnsampledFirstRecordLosesToASampledLaterOne() {
        var p = parentOf(null, UNSAMPLED, TP, UNSAMPLED);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceOf(p));
        assertTrue(Span.fromContext(p.context()).getSpanContext().isSampled());
        assertEquals(List.of(), p.links());
    }

    @Test
    void theOtherSampledOnesAreLinkedUpToTheBound() {
        assertEquals(List.of("5bf92f3577b34da6a3ce929d0e0e4737", "6bf92f3577b34da6a3ce929d0e0e4738"),
                linkedTraces(parentOf(TP, UNSAMPLED, SAMPLED_B, SAMPLED_C)));
        var bounded = TraceParent.parentOf(Arrays.asList(TP, SAMPLED_B, SAMPLED_C, SAMPLED_B), 2);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceOf(bounded));
        assertEquals(List.of("5bf92f3577b34da6a3ce929d0e0e4737", "6bf92f3577b34da6a3ce929d0e0e4738"), linkedTraces(bounded));
    }

    @Test
    void noValidTraceparentGivesTheRootContext() {
        for (var p : List.of(parentOf(), parentOf((String) null), parentOf(INVALID_FLAGGED, "00-nonsense"))) {
            assertFalse(Span.fromContext(p.context()).getSpanContext().isValid());
            assertEquals(List.of(), p.links());
        }
    }

    @Test
    void aBatchSpanContinuesTheFirstSampledRecordLinksTheOthersAndCountsTheBatch() {
        try (var provider = SdkTracerProvider.builder().build()) {
            Span span = TraceParent.startBatchSpan(provider.get("test"), "apply batch",
                    Arrays.asList(UNSAMPLED, null, TP, SAMPLED_B));
            span.end();
            var data = ((ReadableSpan) span).toSpanData();
            assertEquals("apply batch", data.getName());
            assertEquals(SpanKind.CONSUMER, data.getKind());
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", data.getTraceId());
            assertEquals("00f067aa0ba902b7", data.getParentSpanId());
            assertEquals(List.of("5bf92f3577b34da6a3ce929d0e0e4737"),
                    data.getLinks().stream().map(LinkData::getSpanContext).map(SpanContext::getTraceId).toList());
            assertEquals(4L, data.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
        }
    }
}
