package io.nanopulse.metrics.messaging;

import io.nanopulse.contracts.TraceParent;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.nio.charset.StandardCharsets;

/** The trace a consumed batch continues. */
final class TraceContexts {
    private TraceContexts() {
    }

    /** The context of the first record of a batch that carries one (a batch span has one parent). */
    static Context parentOf(ConsumerRecords<String, ?> records) {
        for (ConsumerRecord<String, ?> r : records) {
            var header = r.headers().lastHeader(TraceParent.HEADER);
            if (header != null) {
                return TraceParent.context(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Context.root();
    }
}
