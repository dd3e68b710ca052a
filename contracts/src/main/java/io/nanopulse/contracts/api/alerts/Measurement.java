package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * What one evaluation of a rule measured; which members are set depends on the rule's kind. THRESHOLD: value.
 * CHANGE: value (at asOf), otherValue (at otherAsOf = asOf - lookback) and change (the move, in the metric's unit or
 * in percent of otherValue when the rule is relative). COMPARE: value (the subject's) and otherValue (the other
 * subject's). RANK: position (the subject's place, 1 = first; null when it is not within the places the rule reads),
 * value (the subject's, or the leader's for a rule without subject), leader (the key of the first place) and
 * previousLeader (for a rule without subject: the leader it watches).
 */
@Schema(name = "Measurement", description = "What one evaluation measured; which members are set depends on the rule's kind.")
public record Measurement(@Schema(examples = "2026-12-05") LocalDate asOf,
                          @Schema(examples = "0.4312", nullable = true) Double value,
                          @Schema(examples = "2025-12-05", nullable = true) LocalDate otherAsOf,
                          @Schema(examples = "0.4105", nullable = true) Double otherValue,
                          @Schema(examples = "0.0207", nullable = true) Double change,
                          @Schema(examples = "1", nullable = true) Integer position,
                          @Schema(examples = "cas", nullable = true) String leader,
                          @Schema(examples = "tsinghua university", nullable = true) String previousLeader) {
}
