package io.nanopulse.contracts.api.alerts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nanopulse.contracts.api.StrictUuidDeserializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * A rule as clients send it. alerts-service checks every field and names each bad one; metrics by their API
 * name ({@link io.nanopulse.contracts.api.Metric}), windows in the one window grammar
 * ({@link io.nanopulse.contracts.api.Window}), durations and periods in ISO-8601 ({@code PT10M}, {@code P1Y}).
 * One body for every kind: the fields of the other kinds are left out (a field the kind does not take is refused).
 */
@Schema(name = "RuleRequest", description = "A rule: THRESHOLD (the default: subject, condition ABOVE|BELOW, threshold, "
        + "recoveryThreshold), CHANGE (subject, lookback, direction, amount, relative, recoveryAmount), RANK (rankingKind, "
        + "and with a subject condition IN_TOP|OUT_OF_TOP, top, recoveryTop; without one, margin: fires when someone other than "
        + "the reference (the #1 at the rule's first evaluation) leads it by more than margin, resolves when the "
        + "reference is #1 again (first or tied for first); the measurement's leader names the current leader) or COMPARE (subject, other, condition ABOVE|BELOW, margin). Every kind takes metric, window, "
        + "pendingFor, repeatInterval and labels.")
public record RuleRequest(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11", required = true)
                          @JsonDeserialize(using = StrictUuidDeserializer.class) UUID subscriberId,
                          @Schema(examples = "CN share above 40%", required = true) String name,
                          SubjectRef subject, @Schema(examples = "share") String metric,
                          @Schema(examples = "P12M") String window,
                          @Schema(examples = "ABOVE", description = "THRESHOLD and COMPARE: ABOVE or BELOW; RANK with a "
                                  + "subject: IN_TOP or OUT_OF_TOP.") String condition,
                          @Schema(examples = "0.4") Double threshold, @Schema(examples = "0.38") Double recoveryThreshold,
                          @Schema(examples = "PT10M") String pendingFor, @Schema(examples = "PT24H") String repeatInterval,
                          Map<String, String> labels,
                          @Schema(examples = "THRESHOLD", enumeration = {"THRESHOLD", "CHANGE", "RANK", "COMPARE"},
                                  description = "THRESHOLD when left out.") String kind,
                          @Schema(examples = "P1Y", description = "CHANGE: the value is compared with the same window "
                                  + "this much earlier (an ISO-8601 period up to P10Y).") String lookback,
                          @Schema(examples = "UP", enumeration = {"UP", "DOWN", "EITHER"}, description = "CHANGE: which "
                                  + "moves count.") String direction,
                          @Schema(examples = "0.02", description = "CHANGE: the smallest move that fires, in the metric's "
                                  + "unit (share 0.02 = two points) or, when relative, in percent of the earlier value.")
                          Double amount,
                          @Schema(examples = "false", description = "CHANGE: amount in percent of the earlier value; "
                                  + "false when left out.") Boolean relative,
                          @Schema(examples = "0.01", description = "CHANGE: a firing rule resolves once the move is "
                                  + "below this (above 0, at most amount); when left out, as soon as it is below amount.")
                          Double recoveryAmount,
                          @Schema(examples = "INSTITUTION", description = "RANK: the ranking's subject kind (COUNTRY, "
                                  + "INSTITUTION, COUNTRY_SECTOR, CITY or GROUP); the subject's kind when left out.")
                          String rankingKind,
                          @Schema(examples = "1", minimum = "1", maximum = "100", description = "RANK with a subject: "
                                  + "the top N places.") Integer top,
                          @Schema(examples = "3", minimum = "1", maximum = "100", description = "RANK with a subject: "
                                  + "IN_TOP resolves past this place (top..100), OUT_OF_TOP once within it (1..top); "
                                  + "top when left out.") Integer recoveryTop,
                          @Schema(description = "COMPARE: the subject the rule's subject is compared with (a GROUP "
                                  + "too).") SubjectRef other,
                          @Schema(examples = "0.01", description = "COMPARE: a firing rule resolves once the subject is "
                                  + "past the other by more than this on the other side; RANK without a subject: the "
                                  + "rule fires once someone leads the reference by more than this. In the metric's unit, "
                                  + "0 when left out.") Double margin) {

    /** A threshold rule. */
    public RuleRequest(UUID subscriberId, String name, SubjectRef subject, String metric, String window,
                       String condition, Double threshold, Double recoveryThreshold, String pendingFor,
                       String repeatInterval, Map<String, String> labels) {
        this(subscriberId, name, subject, metric, window, condition, threshold, recoveryThreshold, pendingFor,
                repeatInterval, labels, null, null, null, null, null, null, null, null, null, null, null);
    }
}
