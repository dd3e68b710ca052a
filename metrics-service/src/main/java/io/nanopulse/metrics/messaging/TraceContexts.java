package io.nanopulse.metrics.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** W3C trace context in and out of Kafka records and the outbox (OpenTelemetry's own propagator). */
final class TraceContexts {
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

    private TraceContexts() {
    }

    /** The context of the first record of a batch that carries one (a batch span has one parent). */
    static Context parentOf(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> r : records) {
            var header = r.headers().lastHeader("traceparent");
            if (header != null) {
                return fromTraceparent(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Context.root();
    }

    static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), MAP);
    }
}
