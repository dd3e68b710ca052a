package io.nanopulse.alerts.messaging;

import io.nanopulse.alerts.application.EvaluateChanges;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.ChangeSet;
import io.nanopulse.contracts.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes metric-changes in batches (group alerts-service) and evaluates the rules they may affect.
 * A batch is acknowledged only once evaluated: while metrics-service (or the database) is unavailable
 * the batch is retried here with backoff and its offsets stay uncommitted, so a change is never lost;
 * SmallRye keeps polling (paused partitions) meanwhile, so the group does not rebalance. Duplicates are
 * harmless: evaluation compares states, it does not count events.
 */
@ApplicationScoped
public class MetricChangeConsumer {
    private static final Logger LOG = Logger.getLogger(MetricChangeConsumer.class);

    @Inject
    EvaluateChanges evaluator;

    @Inject
    AlertsConfig config;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent e) {
        stopping = true;
    }

    @Inject
    Tracer tracer;

    /**
     * The changes of one poll are evaluated together: one rules query and one figures read serve them all, so a
     * consumer that fell behind catches up in fewer, larger steps. The evaluation's span continues the trace
     * metrics-service put on the records ({@link TraceParent#parentOf}: the first valid sampled one), which continues
     * the ingest request's trace, and links the other sampled records; a webhook carries the evaluation's trace.
     */
    @Incoming("metric-changes")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        var values = new ArrayList<String>(records.count());
        var traceparents = new ArrayList<String>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            values.add(r.value());
            Header header = r.headers().lastHeader(TraceParent.HEADER);
            traceparents.add(header == null ? null : new String(header.value(), StandardCharsets.US_ASCII));
        }
        Span span = TraceParent.startBatchSpan(tracer, "evaluate metric-change", traceparents);
        try (Scope ignored = span.makeCurrent()) {
            evaluate(values);
        } finally {
            span.end();
        }
    }

    private void evaluate(List<String> values) throws InterruptedException {
        ChangeSet changes = MetricChangeParser.parse(values);
        long backoffMs = 200;
        long maxMs = Math.max(backoffMs, config.evaluation().maxConsumerBackoff().toMillis());
        while (true) {
            try {
                evaluator.evaluate(changes);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // not acknowledged: redelivered after restart
                }
                LOG.warnf("evaluating %d metric change(s) failed (%s); retrying in %d ms, offsets not committed",
                        values.size(), e.toString(), backoffMs);
                Thread.sleep(backoffMs);
                backoffMs = Math.min(maxMs, backoffMs * 2);
            }
        }
    }
}
