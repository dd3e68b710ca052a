package io.nanopulse.gateway.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.gateway.domain.GroupLag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The platform as an operator sees it. A part that could not be measured is null, with the reason in {@code errors}. */
@Schema(name = "Status", description = "Readiness, Kafka lag, throughput, DLQ, webhooks and freshness of the platform.")
public record StatusReport(
        @Schema(examples = "2025-06-01T12:00:00Z") Instant generatedAt,
        @Schema(description = "Per service (ingest, metrics, alerts).") Map<String, ServiceHealth> services,
        @Schema(description = "Lag per consumer group; null when Kafka could not be asked.", nullable = true) List<GroupLag> consumerGroups,
        @Schema(description = "Records in patent-events.dlq.", nullable = true, examples = "0") Long dlqSize,
        Throughput throughput,
        @Schema(nullable = true) Webhooks webhooks,
        @Schema(description = "When metrics-service last applied a batch of events.", nullable = true, examples = "2025-06-01T11:59:58Z") String lastProcessedEventAt,
        @Schema(description = "Why some part is null.") List<String> errors) {

    @Schema(name = "ServiceHealth", description = "Readiness of a service and the gateway's circuit breaker towards it.")
    public record ServiceHealth(@Schema(examples = "UP", enumeration = {"UP", "DOWN", "UNREACHABLE"}) String status,
                                @Schema(examples = "CLOSED", enumeration = {"CLOSED", "OPEN", "HALF_OPEN"}) String breaker) {
    }

    @Schema(name = "Throughput", description = "Events per second over the interval since the previous sample (>= 1 s; null until two samples exist).")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Throughput(@Schema(description = "Appended to patent-events.", nullable = true, examples = "850.0") Double eventsInPerSecond,
                             @Schema(description = "Applied by metrics-service.", nullable = true, examples = "850.0") Double eventsOutPerSecond) {
    }

    @Schema(name = "Webhooks", description = "Webhook attempts recorded by alerts-service since it started; failures are retried, exhausted, gone or disabled attempts.")
    public record Webhooks(@Schema(examples = "120") long attempts, @Schema(examples = "3") long failures,
                           @Schema(nullable = true, examples = "0.025") Double failureRate) {
    }
}
