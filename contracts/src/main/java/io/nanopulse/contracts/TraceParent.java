package io.nanopulse.contracts;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} that Kafka records, outbox rows and webhooks carry, read and written by
 * OpenTelemetry's own propagator, so one trace runs from a request to the webhook it causes.
 */
public final class TraceParent {
    public static final String HEADER = "traceparent";
    /** Links a batch span keeps at most (a batch of many sampled records links the first ones). */
    public static final int MAX_LINKS = 128;

    /** What a span over a batch of records continues ({@code context}) and links to ({@code links}). */
    public record Parent(Context context, List<SpanContext> links) {
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent; null outside a valid span. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The context a traceparent names, to parent a span on; the root context for null or a malformed one. */
    public static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP);
    }

    /**
     * The parent of a span over a batch, from the records' traceparents in record order (null: none): the first
     * valid sampled one (so a recorded trace gets the batch's span), else the first valid one, else the root
     * context; every other valid sampled one is a link, {@code maxLinks} at most. Malformed ones are ignored.
     */
    public static Parent parentOf(Iterable<String> traceparents, int maxLinks) {
        Context first = null;
        Context sampled = null;
        List<SpanContext> links = List.of();
        for (String traceparent : traceparents) {
            if (traceparent == null) {
                continue;
            }
            Context c = context(traceparent);
            SpanContext sc = Span.fromContext(c).getSpanContext();
            if (!sc.isValid()) {
                continue;
            }
            if (first == null) {
                first = c;
            }
            if (sc.isSampled()) {
                if (sampled == null) {
                    sampled = c;
                } else if (links.size() < maxLinks) {
                    if (links.isEmpty()) {
                        links = new ArrayList<>();
                    }
                    links.add(sc);
                }
            }
        }
        return new Parent(sampled != null ? sampled : first != null ? first : Context.root(), links);
    }

    /**
     * A started consumer span {@code name} over a batch of records whose traceparents (in record order, null for
     * none) are given: parented and linked as {@link #parentOf} says, with the batch's size as
     * {@code messaging.batch.message_count}. The caller makes it current and ends it.
     */
    public static Span startBatchSpan(Tracer tracer, String name, List<String> traceparents) {
        Parent parent = parentOf(traceparents, MAX_LINKS);
        SpanBuilder builder = tracer.spanBuilder(name).setParent(parent.context()).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.batch.message_count", traceparents.size());
        parent.links().forEach(builder::addLink);
        return builder.startSpan();
    }
}
