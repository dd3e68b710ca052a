package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A rule as stored (normalised subject keys, canonical metric and window) and its current state; the members of
 * other kinds than its own are null (see {@link RuleRequest}).
 */
@Schema(name = "Rule", description = "A rule and its current state; members of other kinds than its own are null.")
public record Rule(UUID id, UUID subscriberId, String name, @Schema(nullable = true) SubjectRef subject, String metric,
                   String window, @Schema(nullable = true) String condition, @Schema(nullable = true) Double threshold,
                   Double recoveryThreshold, String pendingFor,
                   String repeatInterval, Map<String, String> labels, int revision,
                   @Schema(examples = "FIRING") String state, Instant stateSince, Instant createdAt, Instant updatedAt,
                   @Schema(examples = "THRESHOLD", enumeration = {"THRESHOLD", "CHANGE", "RANK", "COMPARE"}) String kind,
                   @Schema(examples = "P1Y", nullable = true) String lookback,
                   @Schema(examples = "UP", nullable = true) String direction,
                   @Schema(examples = "0.02", nullable = true) Double amount,
                   @Schema(examples = "false", nullable = true) Boolean relative,
                   @Schema(examples = "0.01", nullable = true) Double recoveryAmount,
                   @Schema(examples = "INSTITUTION", nullable = true) String rankingKind,
                   @Schema(examples = "1", nullable = true) Integer top,
                   @Schema(examples = "3", nullable = true) Integer recoveryTop,
                   @Schema(nullable = true) SubjectRef other,
                   @Schema(examples = "0.01", nullable = true) Double margin) {

    /** A threshold rule. */
    public Rule(UUID id, UUID subscriberId, String name, SubjectRef subject, String metric, String window,
                String condition, double threshold, Double recoveryThreshold, String pendingFor, String repeatInterval,
                Map<String, String> labels, int revision, String state, Instant stateSince, Instant createdAt,
                Instant updatedAt) {
        this(id, subscriberId, name, subject, metric, window, condition, threshold, recoveryThreshold, pendingFor,
                repeatInterval, labels, revision, state, stateSince, createdAt, updatedAt, "THRESHOLD", null, null, null,
                null, null, null, null, null, null, null);
    }
}
