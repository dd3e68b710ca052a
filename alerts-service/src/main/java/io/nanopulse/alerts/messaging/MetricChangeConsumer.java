package io.nanopulse.alerts.messaging;

import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.evaluation.AlertEvaluator;
import io.nanopulse.alerts.service.ChangeSet;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

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
    AlertEvaluator evaluator;

    @Inject
    AlertsConfig config;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent e) {
        stopping = true;
    }

    /** One span per batch, so the webhooks it causes carry its trace (traceparent) onwards. */
    @Incoming("metric-changes")
    @Blocking
    @WithSpan("evaluate metric-changes")
    public void consume(List<String> values) throws InterruptedException {
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
