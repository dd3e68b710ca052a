package io.nanopulse.gateway.application;

import io.nanopulse.gateway.domain.RateTracker;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.WebhookTally;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform status: readiness of the services, metrics' progress, alerts' webhook counters and Kafka's
 * lag, asked in parallel. Always answers: a part that cannot be measured is null, with the reason listed.
 */
@ApplicationScoped
public class StatusReporting {
    static final Duration PROBE = Duration.ofSeconds(2);

    private final ServiceProbes probes;
    private final Downstream downstream;
    private final KafkaProbe kafka;
    private final RateTracker in = new RateTracker(1.0);
    private final RateTracker out = new RateTracker(1.0);

    public StatusReporting(ServiceProbes probes, Downstream downstream, KafkaProbe kafka) {
        this.probes = probes;
        this.downstream = downstream;
        this.kafka = kafka;
    }

    public Uni<StatusReport> report() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Uni<Map<String, StatusReport.ServiceHealth>> health = Uni.combine().all().unis(
                readiness(Service.INGEST), readiness(Service.METRICS), readiness(Service.ALERTS)).with(list -> {
            Map<String, StatusReport.ServiceHealth> m = new LinkedHashMap<>();
            for (Service s : Service.values()) {
                m.put(s.id(), (StatusReport.ServiceHealth) list.get(s.ordinal()));
            }
            return m;
        });
        Uni<ServiceProbes.Progress> progress = bounded(probes.metricsProgress())
                .onFailure().recoverWithItem(f -> {
                    errors.add("metrics progress: " + f.getClass().getSimpleName());
                    return null;
                });
        Uni<StatusReport.Webhooks> webhooks = bounded(probes.prometheus(Service.ALERTS))
                .map(text -> text == null ? null : webhooks(WebhookTally.fromPrometheus(text)))
                .onFailure().recoverWithItem(f -> {
                    errors.add("alerts metrics: " + f.getClass().getSimpleName());
                    return null;
                });
        Uni<KafkaProbe.Snapshot> lag = Uni.createFrom().item(() -> {
                    try {
                        return kafka.snapshot();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(f -> {
                    Throwable cause = f.getCause() != null ? f.getCause() : f;
                    errors.add("kafka: " + cause.getClass().getSimpleName());
                    return null;
                });
        return Uni.combine().all().unis(health, progress, webhooks, lag).asTuple().map(t -> {
            long now = System.nanoTime();
            ServiceProbes.Progress p = t.getItem2();
            KafkaProbe.Snapshot k = t.getItem4();
            Double inRate = k == null ? null : in.update(now, k.eventsTopicEndOffset());
            Double outRate = p == null || p.eventsApplied() == null ? null : out.update(now, p.eventsApplied());
            String last = p == null ? null : p.lastAppliedAt();
            if (t.getItem3() == null) {
                errors.add("webhook failure rate unknown: alerts-service metrics unavailable");
            }
            return new StatusReport(Instant.now(), t.getItem1(), k == null ? null : k.consumerGroups(),
                    k == null ? null : k.dlqSize(), new StatusReport.Throughput(inRate, outRate), t.getItem3(), last,
                    Collections.unmodifiableList(List.copyOf(errors)));
        });
    }

    private Uni<StatusReport.ServiceHealth> readiness(Service service) {
        String breaker = downstream.breakerState(service);
        return bounded(probes.readiness(service))
                .map(status -> new StatusReport.ServiceHealth(status == 200 ? "UP" : "DOWN", breaker))
                .onFailure().recoverWithItem(new StatusReport.ServiceHealth("UNREACHABLE", breaker));
    }

    /** Each probe has its own short budget, so one slow service cannot hold the whole status. */
    private static <T> Uni<T> bounded(Uni<T> probe) {
        return probe.ifNoItem().after(PROBE).fail();
    }

    static StatusReport.Webhooks webhooks(WebhookTally tally) {
        return new StatusReport.Webhooks(tally.attempts(), tally.failures(), tally.failureRate());
    }
}
