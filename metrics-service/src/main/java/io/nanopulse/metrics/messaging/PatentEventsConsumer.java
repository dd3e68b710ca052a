package io.nanopulse.metrics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.ValidationResult;
import io.nanopulse.metrics.persistence.CounterFolder;
import io.nanopulse.metrics.service.BatchSteps;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.stream.Collectors;

/**
 * Consumes {@code patent-events} in batches. Records that do not parse or validate go to the DLQ; the
 * rest are applied in one transaction (retried until the database takes them). The batch is
 * acknowledged only when both are done, so a crash at any point redelivers it, and redelivery changes
 * nothing that was applied.
 */
@ApplicationScoped
public class PatentEventsConsumer {
    private static final Logger LOG = Logger.getLogger(PatentEventsConsumer.class);

    private final EventValidator validator = new EventValidator();

    @Inject
    ResilientApplier applier;
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
    public void consume(ConsumerRecords<String, String> records) throws Exception {
        // One span per batch, child of the first record's trace; the metric-changes it causes carry it on.
        Span span = tracer.spanBuilder("apply patent-events batch").setParent(TraceContexts.parentOf(records))
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.batch.message_count", records.count()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            apply(records);
        } finally {
            span.end();
        }
    }

    private void apply(ConsumerRecords<String, String> records) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        var events = new ArrayList<PatentEvent>(records.count());
        var letters = new ArrayList<DeadLetterPublisher.DeadLetter>();
        long parseStart = System.nanoTime();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode node;
            try {
                node = r.value() == null ? null : Json.mapper().readTree(r.value());
            } catch (Exception e) {
                letters.add(new DeadLetterPublisher.DeadLetter(r, "$", "unparseable JSON"));
                continue;
            }
            ValidationResult result = validator.validate(node);
            if (result.isValid()) {
                events.add(result.event());
            } else {
                FieldError first = result.errors().get(0);
                letters.add(new DeadLetterPublisher.DeadLetter(r, first.field(),
                        result.errors().stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "))));
            }
        }
        BatchSteps.record(registry, "parse", parseStart);
        deadLetters.sendAll(letters);
        var applied = applier.apply(events, letters.size());
        Counter.builder("nanopulse.metrics.events.applied").description("Valid patent events applied (redeliveries included)")
                .register(registry).increment(events.size());
        sample.stop(Timer.builder("nanopulse.metrics.batch.apply").description("Time to parse, dead-letter and apply one batch")
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
