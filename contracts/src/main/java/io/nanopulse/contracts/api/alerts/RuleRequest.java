package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * A threshold rule as clients send it. alerts-service checks every field and names each bad one; metrics
 * by their API name ({@link io.nanopulse.contracts.api.Metric}), windows in the one window grammar
 * ({@link io.nanopulse.contracts.api.Window}), durations in ISO-8601 ({@code PT10M}).
 */
@Schema(name = "RuleRequest", description = "A threshold rule on one subject's metric.")
public record RuleRequest(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11", required = true) UUID subscriberId,
                          @Schema(examples = "CN share above 40%", required = true) String name,
                          SubjectRef subject, @Schema(examples = "share") String metric,
                          @Schema(examples = "P12M") String window, @Schema(examples = "ABOVE") String condition,
                          @Schema(examples = "0.4") Double threshold, @Schema(examples = "0.38") Double recoveryThreshold,
                          @Schema(examples = "PT10M") String pendingFor, @Schema(examples = "PT24H") String repeatInterval,
                          Map<String, String> labels) {
}
