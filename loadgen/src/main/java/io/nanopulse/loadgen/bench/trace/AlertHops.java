package io.nanopulse.loadgen.bench.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one alert's time went, from the spans of its trace: the hops from ingest's acknowledgement of the event
 * to the webhook's arrival, in path order, each the time between two span boundaries. The metric-change hops
 * ({@link #RELAY}, {@link #KAFKA_TO_EVALUATE}) are measured from the send of the sample's own change only where the
 * spans identify it ({@link #sendOf}), else left out.
 */
public final class AlertHops {
    public static final String KAFKA_TO_BATCH = "ingest ack → metrics batch start";
    public static final String BATCH = "metrics batch (apply + commit)";
    public static final String RELAY = "batch end → metric-change sent";
    public static final String KAFKA_TO_EVALUATE = "metric-change sent → alerts evaluate start";
    public static final String EVALUATE = "alerts evaluate start → rule's transition start";
    public static final String TRANSITION = "rule's transition (commit)";
    public static final String DELIVERY = "transition end → webhook received";
    /** The hops, in path order. */
    public static final List<String> NAMES = List.of(KAFKA_TO_BATCH, BATCH, RELAY, KAFKA_TO_EVALUATE, EVALUATE, TRANSITION,
            DELIVERY);

    static final String BATCH_SPAN = "apply patent-events batch";
    static final String EVALUATE_SPAN = "evaluate metric-change";
    static final String RULE_SPAN = "apply rule observation";

    private AlertHops() {
    }

    /**
     * The hops of one alert, in {@link #NAMES} order, in milliseconds; a hop whose spans did not arrive is left
     * out. {@code traceId}: the trace the event was sent in; {@code webhookTraceparent}: the traceparent the
     * webhook carried (it names the evaluation span); {@code receivedEpochNanos}: when the webhook arrived.
     */
    public static Map<String, Double> of(SpanCollector spans, String traceId, String webhookTraceparent, long receivedEpochNanos) {
        var hops = new LinkedHashMap<String, Double>();
        Optional<SpanCollector.Span> ingest = spans.trace(traceId).stream().filter(s -> s.service().startsWith("ingest"))
                .max(Comparator.comparingLong(SpanCollector.Span::endEpochNanos));
        var batches = new ArrayList<SpanCollector.Span>();
        spans.trace(traceId).stream().filter(s -> s.name().equals(BATCH_SPAN)).forEach(batches::add);
        spans.linking(traceId).stream().filter(s -> s.name().equals(BATCH_SPAN)).forEach(batches::add);
        Optional<SpanCollector.Span> batch = batches.stream().min(Comparator.comparingLong(SpanCollector.Span::startEpochNanos));
        // The webhook carries the span of its rule's transition, a child of the evaluation of the changes.
        Optional<SpanCollector.Span> rule = spanOf(webhookTraceparent).flatMap(spans::span)
                .filter(s -> s.name().equals(RULE_SPAN));
        Optional<SpanCollector.Span> evaluate = rule.flatMap(r -> spans.span(r.parentSpanId()))
                .filter(s -> s.name().equals(EVALUATE_SPAN));
        Optional<SpanCollector.Span> sent = evaluate.flatMap(e -> sendOf(spans, e, batches));
        Optional<SpanCollector.Span> sentBatch = sent.flatMap(s -> spans.span(s.parentSpanId()));
        if (ingest.isPresent() && batch.isPresent()) {
            hops.put(KAFKA_TO_BATCH, ms(batch.get().startEpochNanos() - ingest.get().endEpochNanos()));
        }
        if (batch.isPresent()) {
            hops.put(BATCH, batch.get().millis());
        }
        if (sentBatch.isPresent()) {
            hops.put(RELAY, ms(sent.get().startEpochNanos() - sentBatch.get().endEpochNanos()));
        }
        if (evaluate.isPresent() && sent.isPresent()) {
            hops.put(KAFKA_TO_EVALUATE, ms(evaluate.get().startEpochNanos() - sent.get().startEpochNanos()));
        }
        if (evaluate.isPresent()) {
            hops.put(EVALUATE, ms(rule.get().startEpochNanos() - evaluate.get().startEpochNanos()));
        }
        if (rule.isPresent()) {
            hops.put(TRANSITION, rule.get().millis());
            hops.put(DELIVERY, ms(receivedEpochNanos - rule.get().endEpochNanos()));
        }
        return hops;
    }

    /**
     * The send of the sample's own metric change: a batch's metric changes (one per part of the batch) are each
     * sent in a span of their own, a child of the batch span, and the evaluation span's parent and links name the
     * sends of the records it evaluated. The send is known when exactly one send of the sample's batches is among
     * them; when the evaluation took several of its parts, the spans do not tell which part carried the sample
     * (they have no attribute naming the change), so there is none and the hops that need it are left out.
     */
    static Optional<SpanCollector.Span> sendOf(SpanCollector spans, SpanCollector.Span evaluate,
                                               List<SpanCollector.Span> batches) {
        var evaluated = new ArrayList<String>();
        if (evaluate.parentSpanId() != null) {
            evaluated.add(evaluate.parentSpanId());
        }
        evaluate.links().forEach(l -> evaluated.add(l.spanId()));
        List<SpanCollector.Span> sends = evaluated.stream().distinct().map(spans::span).flatMap(Optional::stream)
                .filter(s -> batches.stream().anyMatch(b -> b.spanId().equals(s.parentSpanId())))
                .toList();
        return sends.size() == 1 ? Optional.of(sends.get(0)) : Optional.empty();
    }

    /** The span id of a W3C traceparent, or empty. */
    static Optional<String> spanOf(String traceparent) {
        if (traceparent == null || traceparent.length() < 55) {
            return Optional.empty();
        }
        return Optional.of(traceparent.substring(36, 52));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
