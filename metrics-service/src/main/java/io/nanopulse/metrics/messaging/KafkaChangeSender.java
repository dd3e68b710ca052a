package io.nanopulse.metrics.messaging;

import io.nanopulse.contracts.Topics;
import io.nanopulse.contracts.TraceParent;
import io.nanopulse.metrics.application.ChangeSender;
import io.nanopulse.metrics.application.MetricChangeOutbox;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends metric changes to {@code metric-changes} as CloudEvents (binary mode, keyed and identified by the change
 * id), each continuing the trace of the batch that caused it, and waits (up to 30 seconds) until the broker
 * confirmed them all.
 */
@ApplicationScoped
public class KafkaChangeSender implements ChangeSender {
    @Inject
    @Channel("metric-changes")
    Emitter<String> emitter;

    @Override
    public void send(List<MetricChangeOutbox.Pending> changes) throws Exception {
        var acks = new ArrayList<CompletableFuture<Void>>();
        for (var p : changes) {
            var ack = new CompletableFuture<Void>();
            emitter.send(Message.of(p.payload())
                    .addMetadata(TracingMetadata.withCurrent(TraceParent.context(p.traceparent())))
                    .addMetadata(OutgoingCloudEventMetadata.builder()
                            .withId(p.changeId().toString())
                            .withType(Topics.METRIC_CHANGE_TYPE)
                            .withSource(URI.create(Topics.METRICS_SOURCE))
                            .withDataContentType("application/json")
                            .build())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(p.changeId().toString()).build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(t -> {
                        ack.completeExceptionally(t);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }
}
