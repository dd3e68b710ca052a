package io.nanopulse.contracts.api.alerts;

import io.nanopulse.contracts.api.Dates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule (any kind, the body {@code POST /rules} takes; {@code subscriberId} may be left out) replayed over a past
 * period: evaluated as of {@code from}, then every day or month up to {@code to}.
 */
@Schema(name = "BacktestRequest", description = "A rule replayed over a past period, as of each day or month from "
        + "`from` to `to`: at most " + BacktestRequest.MAX_DAYS + " days (step DAY) or " + BacktestRequest.MAX_MONTHS
        + " months (step MONTH).")
public record BacktestRequest(
        @Schema(required = true, description = "The rule, as POST /rules takes it; subscriberId may be left out "
                + "(when given, it must be one of yours).") RuleRequest rule,
        @Schema(required = true, examples = "2024-01-01", description = "The first asOf: an ISO date " + Dates.RANGE
                + ", at or before `to`.") String from,
        @Schema(required = true, examples = "2024-12-01", description = "The last asOf at most: an ISO date, not after "
                + "today (UTC).") String to,
        @Schema(examples = "MONTH", enumeration = {"DAY", "MONTH"}, defaultValue = "DAY",
                description = "DAY: every day from `from` to `to`; MONTH: the same day of each month (the month's last "
                        + "day when it is shorter). DAY when left out.") String step) {

    /** The most asOf dates of a DAY backtest. */
    public static final int MAX_DAYS = 366;
    /** The most asOf dates of a MONTH backtest. */
    public static final int MAX_MONTHS = 120;
}
