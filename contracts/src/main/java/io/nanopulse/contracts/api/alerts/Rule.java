package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A rule as stored (normalised subject key, canonical metric and window) and its current state. */
@Schema(name = "Rule", description = "A rule and its current state.")
public record Rule(UUID id, UUID subscriberId, String name, SubjectRef subject, String metric, String window,
                   String condition, double threshold, Double recoveryThreshold, String pendingFor,
                   String repeatInterval, Map<String, String> labels, int revision,
                   @Schema(examples = "FIRING") String state, Instant stateSince, Instant createdAt, Instant updatedAt) {
}
