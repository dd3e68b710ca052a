package io.nanopulse.metrics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends records that cannot be applied to {@code patent-events.dlq}, unchanged, with why in headers
 * ({@code dead-letter-reason}, {@code dead-letter-field}) and where they came from. The batch is
 * acknowledged only after the broker confirmed its dead letters, so none is lost.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    /** One record to dead-letter (its value as read) and why. */
    public record DeadLetter(ConsumerRecord<String, ?> record, String value, String field, String reason) {
    }

    @Inject
    @Channel("patent-events-dlq")
    Emitter<String> emitter;

    @Inject
    MeterRegistry registry;

    public void sendAll(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        var acks = new ArrayList<CompletableFuture<Void>>();
        for (DeadLetter l : letters) {
            var headers = new RecordHeaders();
            for (Header h : l.record().headers()) {
                headers.add(h);
            }
            headers.add("dead-letter-reason", utf8(l.reason()));
            headers.add("dead-letter-field", utf8(l.field() == null ? "" : l.field()));
            headers.add("dead-letter-topic", utf8(l.record().topic()));
            headers.add("dead-letter-partition", utf8(Integer.toString(l.record().partition())));
            headers.add("dead-letter-offset", utf8(Long.toString(l.record().offset())));
            var ack = new CompletableFuture<Void>();
            Message<String> message = Message.of(l.value() == null ? "" : l.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(l.record().key()).withHeaders(headers).build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(t -> {
                        ack.completeExceptionally(t);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
            acks.add(ack);
            Counter.builder("nanopulse.metrics.dead.letters").description("Records sent to patent-events.dlq, by first failing field")
                    .tag("field", l.field() == null ? "" : l.field()).register(registry).increment();
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("dead letters not confirmed by Kafka", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
