package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * What a rule would have done over a past period, from the stored history: its state as of each date, the
 * transitions it would have made (the same state machine as live evaluation, time measured in asOf dates) and the
 * periods it would have been firing.
 */
@Schema(name = "Backtest", description = "What a rule would have done over a past period: its state as of each date, "
        + "the transitions it would have made and when it was firing.")
public record Backtest(@Schema(examples = "MONTH", enumeration = {"DAY", "MONTH"}) String step,
                       @Schema(examples = "2024-01-01") LocalDate from,
                       @Schema(examples = "2024-12-01") LocalDate to,
                       @Schema(description = "Every date evaluated, oldest first.") List<BacktestPoint> points,
                       @Schema(description = "The transitions the rule would have made, oldest first (PENDING and "
                               + "CANCELLED are recorded, not announced).") List<BacktestTransition> transitions,
                       @Schema(description = "When it would have been firing, oldest first.") List<FiringPeriod> firing,
                       @Schema(examples = "FIRING", enumeration = {"OK", "PENDING", "FIRING"},
                               description = "The state after the last date.") String state) {

    /** The rule as of one date: what it compared ({@link Transition#value()}), what was measured, the state after it. */
    @Schema(name = "BacktestPoint", description = "The rule as of one date: what was measured and its state after it.")
    public record BacktestPoint(@Schema(examples = "2024-03-01") LocalDate asOf,
                                @Schema(examples = "0.4312", nullable = true, description = "What the rule compared, as "
                                        + "in Transition: the subject's value (THRESHOLD, COMPARE), the change (CHANGE), the "
                                        + "position (RANK with a subject) or the leader's value (RANK without); null when "
                                        + "there is no data.") Double value,
                                @Schema(examples = "FIRING", enumeration = {"OK", "PENDING", "FIRING"}) String state,
                                @Schema(description = "All that was measured, by the rule's kind.") Measurement measurement) {
    }

    /** One transition the rule would have made, as of {@code at}. */
    @Schema(name = "BacktestTransition", description = "A transition the rule would have made, as of a date.")
    public record BacktestTransition(@Schema(examples = "FIRING") String kind,
                                     @Schema(examples = "OK") String from,
                                     @Schema(examples = "FIRING") String to,
                                     @Schema(examples = "2024-03-01") LocalDate at,
                                     @Schema(examples = "0.4312", nullable = true, description = "What the step compared, "
                                             + "as in Transition.") Double value,
                                     @Schema(examples = "0.4", description = "The threshold it crossed, as in "
                                             + "Transition.") double threshold,
                                     Measurement measurement) {
    }

    /** A stretch of firing: from the date it fired to the date it resolved ({@code to} null: still firing at the end). */
    @Schema(name = "FiringPeriod", description = "From the date the rule fired to the date it resolved (null: still "
            + "firing after the last date).")
    public record FiringPeriod(@Schema(examples = "2024-03-01") LocalDate from,
                               @Schema(examples = "2024-09-01", nullable = true) LocalDate to) {
    }
}
