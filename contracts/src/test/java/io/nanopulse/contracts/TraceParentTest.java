package io.nanopulse.contracts;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceParentTest {
    private static final String TP = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

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
}
