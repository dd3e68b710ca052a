package io.nanopulse.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.gateway.client.Reply;
import io.nanopulse.gateway.client.Service;
import io.nanopulse.gateway.client.ServiceClient;
import io.nanopulse.gateway.client.ServiceClients;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Gathers the status from the services (health, progress, Prometheus counters) and from Kafka, in parallel. */
@ApplicationScoped
public class StatusService {
    static final String WEBHOOK_COUNTER = "nanopulse_alerts_webhook_deliveries_total";
    static final Set<String> WEBHOOK_FAILURES = Set.of("retry", "exhausted", "gone", "endpoint_disabled");
    private static final Duration PROBE = Duration.ofSeconds(2);

    private final ServiceClients clients;
    private final KafkaProbe kafka;
    private final ObjectMapper json;
    private final RateTracker in = new RateTracker(1.0);
    private final RateTracker out = new RateTracker(1.0);

    public StatusService(ServiceClients clients, KafkaProbe kafka, ObjectMapper json) {
        this.clients = clients;
        this.kafka = kafka;
        this.json = json;
    }

    public Uni<StatusReport> report() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Uni<Map<String, StatusReport.ServiceHealth>> health = Uni.combine().all().unis(
                readiness(clients.ingest()), readiness(clients.metrics()), readiness(clients.alerts())).with(list -> {
            Map<String, StatusReport.ServiceHealth> m = new LinkedHashMap<>();
            for (Service s : Service.values()) {
                m.put(s.id(), (StatusReport.ServiceHealth) list.get(s.ordinal()));
            }
            return m;
        });
        Uni<JsonNode> progress = clients.metrics().probe("/metrics/progress", PROBE)
                .map(r -> r.status() == 200 ? parse(r) : null)
                .onFailure().recoverWithItem(f -> {
                    errors.add("metrics progress: " + f.getClass().getSimpleName());
                    return null;
                });
        Uni<StatusReport.Webhooks> webhooks = clients.alerts().probe("/q/metrics", PROBE)
                .map(r -> r.status() == 200 ? webhooks(r.body().toString(StandardCharsets.UTF_8)) : null)
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
            JsonNode p = t.getItem2();
            KafkaProbe.Snapshot k = t.getItem4();
            Double inRate = k == null ? null : in.update(now, k.eventsTopicEndOffset());
            Double outRate = p == null || !p.hasNonNull("eventsApplied") ? null : out.update(now, p.get("eventsApplied").asDouble());
            String last = p == null || !p.hasNonNull("lastAppliedAt") ? null : p.get("lastAppliedAt").asText();
            if (t.getItem3() == null) {
                errors.add("webhook failure rate unknown: alerts-service metrics unavailable");
            }
            return new StatusReport(Instant.now(), t.getItem1(), k == null ? null : k.consumerGroups(),
                    k == null ? null : k.dlqSize(), new StatusReport.Throughput(inRate, outRate), t.getItem3(), last,
                    Collections.unmodifiableList(List.copyOf(errors)));
        });
    }

    private Uni<StatusReport.ServiceHealth> readiness(ServiceClient client) {
        String breaker = client.breakerState().name();
        return client.probe("/q/health/ready", PROBE)
                .map(r -> new StatusReport.ServiceHealth(r.status() == 200 ? "UP" : "DOWN", breaker))
                .onFailure().recoverWithItem(new StatusReport.ServiceHealth("UNREACHABLE", breaker));
    }

    private JsonNode parse(Reply r) {
        try {
            return json.readTree(r.body().getBytes());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static StatusReport.Webhooks webhooks(String prometheus) {
        Map<String, Double> byOutcome = PrometheusText.sumBy(prometheus, WEBHOOK_COUNTER, "outcome");
        long attempts = 0;
        long failures = 0;
        for (var e : byOutcome.entrySet()) {
            if (e.getKey().equals("ignored")) {
                continue;
            }
            attempts += e.getValue().longValue();
            if (WEBHOOK_FAILURES.contains(e.getKey())) {
                failures += e.getValue().longValue();
            }
        }
        return new StatusReport.Webhooks(attempts, failures, attempts == 0 ? null : (double) failures / attempts);
    }
}
