package io.nanopulse.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Topics;
import io.nanopulse.contracts.TraceParent;
import io.nanopulse.ingest.application.EventPublisher;
import io.nanopulse.ingest.application.PublishFailedException;
import io.nanopulse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@link EventPublisher} port over Kafka: publishes validated events on {@code patent-events} as
 * binary-mode CloudEvents (written by the CloudEvents SDK's Kafka binding): id = the client's eventId, type
 * from the event type, source = ingest-service, subject and Kafka key = patentId, data = the normalised event
 * as JSON, and the request's W3C {@code traceparent} as a header so the trace continues in the consumers.
 *
 * <p>Records go straight from the request thread to the shared Kafka producer, with no reactive pipeline,
 * context capture or producer span per message in between. A fair semaphore bounds the events handed to
 * Kafka and not yet resolved over all requests.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {
    private static final URI SOURCE = URI.create(Topics.INGEST_SOURCE);
    private static final String JSON = "application/json";

    private final ObjectWriter writer = Json.mapper().writerFor(PatentEvent.class);
    private final Producer<String, byte[]> producer;
    private final Semaphore room;
    private final int maxInFlight;
    private final Duration timeout;
    private final Timer confirmed;
    private final Timer failed;

    @Inject
    public KafkaEventPublisher(Producer<String, byte[]> producer, IngestConfig config, MeterRegistry registry) {
        this.producer = producer;
        this.maxInFlight = config.maxInFlight();
        this.room = new Semaphore(maxInFlight, true);
        this.timeout = config.publishTimeout();
        this.confirmed = publishTimer(registry, "confirmed");
        this.failed = publishTimer(registry, "failed");
    }

    private static Timer publishTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("nanopulse.ingest.publish")
                .description("From handing a chunk of events to the Kafka producer until every one is acknowledged")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public PublishedChunk publish(List<PatentEvent> events) {
        int n = events.size();
        long start = System.nanoTime();
        acquire(n);
        ChunkAcks acks = new ChunkAcks(n, start + timeout.toNanos(), timeout.toString(), (ok, anyFailed) -> {
            room.release(n);
            (anyFailed ? failed : confirmed).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
        String traceparent = TraceParent.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            if (acks.failedAlready()) {
                // The producer reports a dead broker through the callback, often only after blocking for
                // max.block: stop here rather than block again for each remaining event.
                acks.notSent(n - i, null);
                break;
            }
            PatentEvent event = events.get(i);
            try {
                producer.send(record(event, traceparent, now), acks);
            } catch (JsonProcessingException | RuntimeException e) {
                acks.notSent(n - i, e);
                break;
            }
        }
        return acks;
    }

    private ProducerRecord<String, byte[]> record(PatentEvent event, String traceparent, OffsetDateTime now)
            throws JsonProcessingException {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withType(event.type().cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.patentId())
                .withTime(now)
                .withDataContentType(JSON)
                .withData(writer.writeValueAsBytes(event))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(Topics.PATENT_EVENTS, event.patentId())
                .writeBinary(cloudEvent);
        if (traceparent != null) {
            record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    private void acquire(int n) {
        try {
            if (!room.tryAcquire(n, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PublishFailedException("more than " + maxInFlight
                        + " events are waiting for Kafka; none of this chunk was sent", 0, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for room in flight", 0, e);
        }
    }
}
