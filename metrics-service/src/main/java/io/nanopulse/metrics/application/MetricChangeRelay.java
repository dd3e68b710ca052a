package io.nanopulse.metrics.application;

import io.nanopulse.metrics.config.MetricsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * Relays the metric-changes outbox to Kafka: right after each batch (on its own thread, so the consumer
 * goes on with the next batch meanwhile), and on a timer for anything left over (after a crash or a broker
 * outage). Rows are claimed, sent and marked sent in one transaction, marked only after the broker confirmed
 * them; a crash between the two sends a change twice, which consumers tolerate (they compare state).
 */
@ApplicationScoped
public class MetricChangeRelay {
    private static final Logger LOG = Logger.getLogger(MetricChangeRelay.class);

    @Inject
    MetricChangeOutbox outbox;
    @Inject
    ChangeSender sender;
    @Inject
    MetricsConfig config;

    private volatile boolean stopping;
    private final CoalescingRunner runner = new CoalescingRunner("metric-changes-relay", () -> {
        if (!stopping) { // as for the timer: not while the sender is being destroyed
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

    // Not while the application stops: its beans (the sender's emitter) are being destroyed.
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
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Relays every pending change, a round of {@code batchSize} rows per transaction, until none is left. */
    public synchronized void publishPending() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(() -> {
                var pending = outbox.claim(config.outbox().batchSize());
                if (pending.isEmpty()) {
                    return 0;
                }
                sender.send(pending);
                outbox.markSent(pending.stream().map(MetricChangeOutbox.Pending::changeId).toList());
                return pending.size();
            });
        } while (sent > 0);
    }
}
