package io.nanopulse.metrics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.TraceParent;
import io.nanopulse.metrics.application.BatchParts;
import io.nanopulse.metrics.application.CounterFolder;
import io.nanopulse.metrics.application.MetricChangeRelay;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Consumes {@code patent-events} in batches, parsed and validated as they were polled
 * ({@link PatentEventDeserializer}). Records that do not parse or validate go to the DLQ; the
 * rest are applied by {@link BatchParts} (retried until the database takes them). The batch is
 * acknowledged only when both are done, so a crash at any point redelivers it, and redelivery changes
 * nothing that was applied.
 */
@ApplicationScoped
public class PatentEventsConsumer {
    private static final Logger LOG = Logger.getLogger(PatentEventsConsumer.class);

    @Inject
    BatchParts parts;
    @Inject
    DeadLetterPublisher deadLetters;
    @Inject
    MetricChangeRelay relay;
    @Inject
    CounterFolder folder;
    @Inject
    MeterRegistry registry;
    @Inject
    Tracer tracer;

    @Incoming("patent-events")
    @Blocking
    public void consume(ConsumerRecords<String, ParsedEvent> records) throws Exception {
        // One span per batch, child of the first sampled record's trace (else the first record's), linked to the
        // other sampled ones; the metric-changes it causes carry it on.
        var traceparents = new ArrayList<String>(records.count());
        for (ConsumerRecord<String, ParsedEvent> r : records) {
            Header header = r.headers().lastHeader(TraceParent.HEADER);
            traceparents.add(header == null ? null : new String(header.value(), StandardCharsets.US_ASCII));
        }
        Span span = TraceParent.startBatchSpan(tracer, "apply patent-events batch", traceparents);
        try (Scope ignored = span.makeCurrent()) {
            apply(records);
        } finally {
            span.end();
        }
    }

    private void apply(ConsumerRecords<String, ParsedEvent> records) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        var events = new ArrayList<PatentEvent>(records.count());
        var letters = new ArrayList<DeadLetterPublisher.DeadLetter>();
        for (ConsumerRecord<String, ParsedEvent> r : records) {
            ParsedEvent parsed = r.value();
            if (parsed.isValid()) {
                events.add(parsed.event());
            } else {
                letters.add(new DeadLetterPublisher.DeadLetter(r, parsed.raw(), parsed.field(), parsed.reason()));
            }
        }
        deadLetters.sendAll(letters);
        var applied = parts.apply(events, letters.size());
        Counter.builder("nanopulse.metrics.events.applied").description("Valid patent events applied (redeliveries included)")
                .register(registry).increment(events.size());
        sample.stop(Timer.builder("nanopulse.metrics.batch.apply").description("Time to dead-letter and apply one batch")
                .register(registry));
        if (!letters.isEmpty()) {
            LOG.warnf("dead-lettered %d of %d records", letters.size(), records.count());
        }
        if (applied.changed()) {
            folder.appended(applied.counterDeltas());
            relay.request();
        }
    }
}
