package io.nanopulse.alerts.domain;

/**
 * An observation judged under a rule: whether the alert condition holds ({@code breach}) and whether a firing rule
 * may resolve ({@code recovered}); no data gives neither. {@code value} and {@code threshold} are what was compared
 * (kept as the state's last value and on transitions; {@code recoveryThreshold} on resolutions when set),
 * {@code reference} the leader a RANK rule without subject watches from now on.
 */
public record Verdict(boolean breach, boolean recovered, Double value, double threshold, Double recoveryThreshold,
                      Measurement measurement, String reference) {

    /** Neither fires nor resolves: PENDING is cancelled, FIRING stays. */
    public static Verdict noData(double threshold, Double recoveryThreshold, Measurement measurement, String reference) {
        return new Verdict(false, false, null, threshold, recoveryThreshold, measurement, reference);
    }
}
