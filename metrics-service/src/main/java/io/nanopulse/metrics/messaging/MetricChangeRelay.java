package io.nanopulse.metrics.messaging;

import io.nanopulse.contracts.Topics;
import io.nanopulse.metrics.config.MetricsConfig;
import io.nanopulse.metrics.persistence.MetricChangeOutbox;
import io.nanopulse.metrics.service.CoalescingRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Relays the metric-changes outbox to Kafka: right after each batch (on its own thread, so the consumer
 * goes on with the next batch meanwhile), and on a timer for anything left over (after a crash or a broker
 * outage). Rows are marked sent only after the broker confirmed them;
 * a crash between the two sends a change twice, which consumers tolerate (they compare state).
 */
@ApplicationScoped
public class MetricChangeRelay {
    private static final Logger LOG = Logger.getLogger(MetricChangeRelay.class);

    @Inject
    MetricChangeOutbox outbox;
    @Inject
    MetricsConfig config;

    @Inject
    @Channel("metric-changes")
    Emitter<String> emitter;

    private volatile boolean stopping;
    private final CoalescingRunner runner = new CoalescingRunner("metric-changes-relay", () -> {
        if (!stopping) { // as for the timer: not while the emitter is being destroyed
            relayLeftovers();
        }
    });

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Asks for the pending changes to be relayed now. */
    public void request() {
        runner.request();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        runner.close();
    }

    // Not while the application stops: its beans (the emitter) are being destroyed.
    @Scheduled(every = "${nanopulse.metrics.outbox.relay-interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayLeftovers() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("metric-changes relay will retry: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                outbox.purgeSentBefore(config.outbox().retention());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public synchronized void publishPending() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(() -> {
                var pending = outbox.claim(config.outbox().batchSize());
                if (pending.isEmpty()) {
                    return 0;
                }
                var acks = new ArrayList<CompletableFuture<Void>>();
                for (var p : pending) {
                    var ack = new CompletableFuture<Void>();
                    emitter.send(Message.of(p.payload())
                            .addMetadata(TracingMetadata.withCurrent(io.nanopulse.contracts.TraceParent.context(p.traceparent())))
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
                outbox.markSent(pending.stream().map(p -> p.changeId()).toList());
                return pending.size();
            });
        } while (sent > 0);
    }

}
