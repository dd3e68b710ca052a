package io.nanopulse.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Topics;
import io.nanopulse.ingest.config.IngestConfig;
import io.nanopulse.ingest.service.EventPublisher;
import io.nanopulse.ingest.service.PublishFailedException;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes validated events on {@code patent-events} as binary-mode CloudEvents: id = the client's
 * eventId, type from the event type, source = ingest-service, subject and Kafka key = patentId, data = the
 * normalised event as JSON. The OpenTelemetry context of the request travels with each message so the
 * connector writes it into the record headers.
 *
 * <p>A fair semaphore bounds the events handed to Kafka and not yet resolved over all requests; the
 * emitter's own buffer is unbounded because this bound is the real one.
 *
 * <p>The request thread validates and serialises; one sender thread pushes the messages through the
 * connector (CloudEvent headers, tracing, context propagation: about half the per-event cost). The two
 * overlap, and the connector's pipeline, which the emitter serialises anyway, runs on one thread in order.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {
    static final String CHANNEL = Topics.PATENT_EVENTS;
    private static final URI SOURCE = URI.create(Topics.INGEST_SOURCE);
    private static final String JSON = "application/json";

    private final ObjectWriter writer = Json.mapper().writerFor(PatentEvent.class);
    private final Emitter<String> emitter;
    private final Semaphore room;
    private final int maxInFlight;
    private final Duration timeout;
    private final Timer confirmed;
    private final Timer failed;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "patent-events-sender");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public KafkaEventPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
                               IngestConfig config, MeterRegistry registry) {
        this.emitter = emitter;
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
        // One tracing metadata for the chunk, captured here: the connector runs on the sender thread.
        TracingMetadata tracing = TracingMetadata.withCurrent(Context.current());
        List<Message<String>> messages = new ArrayList<>(n);
        for (PatentEvent event : events) {
            try {
                messages.add(Message.of(writer.writeValueAsString(event),
                        Metadata.of(cloudEvent(event), kafkaRecord(event), tracing), acks::ack, acks::nack));
            } catch (JsonProcessingException e) {
                acks.notSent(1, e);
            }
        }
        try {
            sender.execute(() -> send(messages, acks));
        } catch (RejectedExecutionException e) {
            acks.notSent(messages.size(), e);
        }
        return acks;
    }

    private void send(List<Message<String>> messages, ChunkAcks acks) {
        for (int i = 0; i < messages.size(); i++) {
            try {
                emitter.send(messages.get(i));
            } catch (RuntimeException e) {
                acks.notSent(messages.size() - i, e);
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
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

    private static OutgoingCloudEventMetadata<String> cloudEvent(PatentEvent event) {
        return OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId())
                .withType(event.type().cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.patentId())
                .withDataContentType(JSON)
                .build();
    }

    private static OutgoingKafkaRecordMetadata<String> kafkaRecord(PatentEvent event) {
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(event.patentId()).build();
    }
}
