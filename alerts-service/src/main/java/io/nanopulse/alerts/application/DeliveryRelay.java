package io.nanopulse.alerts.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nanopulse.alerts.application.port.EmailTransport;
import io.nanopulse.alerts.application.port.WebhookTransport;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AttemptResult;
import io.nanopulse.alerts.domain.Claim;
import io.nanopulse.alerts.domain.DeliveryOutcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due outbox rows. Woken right after a transition commits (low latency), by a short poll (retries
 * coming due, rows left by a crashed instance) and at startup. One drain loop per instance claims as
 * many rows as it has free sender threads, so a slow endpoint occupies one sender, not the relay.
 */
@ApplicationScoped
public class DeliveryRelay {
    private static final Logger LOG = Logger.getLogger(DeliveryRelay.class);

    @Inject
    DeliverWebhooks deliveries;

    @Inject
    WebhookTransport sender;

    @Inject
    DeliverEmails emails;

    @Inject
    EmailTransport mailer;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> daemon(r, "alerts-relay"));
    private final ExecutorService senders;
    private final Semaphore permits;
    private final int batchSize;
    private volatile boolean stopping;

    @Inject
    public DeliveryRelay(AlertsConfig config) {
        int concurrency = Math.max(1, config.delivery().concurrency());
        this.permits = new Semaphore(concurrency);
        this.batchSize = Math.max(1, config.delivery().batchSize());
        this.senders = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "alerts-webhook-sender"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void onStart(@Observes StartupEvent e) {
        kick();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransitionCommitted e) {
        if (e.deliveries() > 0) {
            kick();
        }
    }

    @Scheduled(identity = "delivery-poll", every = "${nanopulse.alerts.delivery.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        kick();
    }

    /** Asks for a drain; coalesces with one already running. */
    public void kick() {
        if (stopping) {
            return;
        }
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                coordinator.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException ex) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false) && !stopping) {
                while (!stopping) {
                    int free = permits.availablePermits();
                    if (free == 0) {
                        break; // a finishing sender kicks again
                    }
                    List<Claim> claims = deliveries.claimDue(Instant.now(), Math.min(free, batchSize));
                    if (claims.isEmpty()) {
                        break;
                    }
                    for (Claim c : claims) {
                        permits.acquireUninterruptibly();
                        senders.execute(() -> attempt(c));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("delivery relay round failed (%s); the next poll retries", e.toString());
        } finally {
            draining.set(false);
            if (wanted.get() && !stopping) {
                kick();
            }
        }
    }

    private void attempt(Claim claim) {
        try {
            if (claim.email() != null) {
                attemptEmail(claim);
                return;
            }
            AttemptResult result = sender.send(claim);
            DeliveryOutcome outcome = deliveries.record(claim, result);
            io.micrometer.core.instrument.Counter.builder("nanopulse.alerts.webhook.deliveries")
                    .description("Webhook delivery attempts, by outcome").tag("outcome", outcome.tag()).register(registry).increment();
            if (result.statusCode() != null) {
                Timer.builder("nanopulse.alerts.webhook.latency").description("Webhook call latency")
                        .publishPercentileHistogram().register(registry)
                        .record(Duration.ofMillis(result.latencyMs()));
            }
            if (outcome != DeliveryOutcome.DELIVERED && outcome != DeliveryOutcome.IGNORED) {
                LOG.debugf("delivery %s: %s (%s)", claim.deliveryId(), outcome, result.statusCode() != null
                        ? "HTTP " + result.statusCode() : result.error());
            }
        } catch (RuntimeException e) {
            // The lease makes the row due again; the retry reuses the webhook-id.
            LOG.warnf("delivery %s attempt not recorded (%s)", claim.deliveryId(), e.toString());
        } finally {
            permits.release();
            kick();
        }
    }

    /** Called by {@link #attempt} on a sender thread (SMTP is blocking I/O, never on the event loop). */
    private void attemptEmail(Claim claim) {
        AttemptResult result = mailer.send(claim.email());
        DeliveryOutcome outcome = emails.record(claim, result);
        io.micrometer.core.instrument.Counter.builder("nanopulse.alerts.email.deliveries")
                .description("E-mail delivery attempts, by outcome").tag("outcome", outcome.tag()).register(registry).increment();
        if (outcome != DeliveryOutcome.DELIVERED && outcome != DeliveryOutcome.IGNORED) {
            // The reply code only: a relay's reply text may name the address.
            LOG.debugf("e-mail delivery %s: %s (%s)", claim.deliveryId(), outcome, result.statusCode() != null
                    ? "SMTP " + result.statusCode() : "no SMTP reply");
        }
    }

    void onStop(@Observes ShutdownEvent e) throws InterruptedException {
        stopping = true;
        coordinator.shutdown();
        senders.shutdown();
        // In-flight sends get a moment; anything cut off is due again after its lease.
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }
}
