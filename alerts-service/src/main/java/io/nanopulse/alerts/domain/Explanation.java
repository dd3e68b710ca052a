package io.nanopulse.alerts.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Why a notification was sent, in numbers: the value and the previous one with when each was read and as of which
 * day, the comparison the rule makes, the counts behind a ratio before and after, and the members that moved the
 * figure most ({@link Contributors}). The previous reading is the rule's previous evaluation, except for a CHANGE
 * rule, whose baseline is the same window {@code lookback} earlier, read in the same evaluation. At a rule's first
 * evaluation there is no previous reading: contributors are then the largest members (each from 0).
 *
 * @param countOf            the count numerator, denominator and contributors measure: filings, grants or licensed
 * @param contributors       for subjects with members (GLOBAL, COUNTRY, GROUP): at most three, largest change first;
 *                           null for other subjects
 * @param otherContributors  a COMPARE rule's other subject's contributors, likewise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(String metric, Double value, Instant measuredAt, LocalDate asOf, String window,
                          Double previousValue, Instant previousMeasuredAt, LocalDate previousAsOf, String comparison,
                          String countOf, Change numerator, Change denominator,
                          List<Contributors.Contributor> contributors, List<Contributors.Contributor> otherContributors) {

    /** A count before and after. */
    public record Change(long before, long after) {
    }

    /**
     * The explanation of a transition of {@code rule}: {@code before} is its state before this evaluation,
     * {@code previous} the reading kept from the previous evaluation (null: none), {@code current} this one's (null:
     * no counts read), {@code m} what this evaluation measured.
     */
    public static Explanation of(AlertRule rule, RuleState before, Measurement m, Instant measuredAt,
                                 RuleReading previous, RuleReading current) {
        RuleDefinition d = rule.definition();
        var metric = d.metric();
        if (previous != null && previous.revision() != rule.revision()) {
            previous = null; // read for another definition of the rule
        }
        Double value = m == null ? null : m.value();
        LocalDate asOf = m == null ? null : m.asOf();
        Double previousValue;
        Instant previousAt;
        LocalDate previousAsOf;
        FigureCounts baseline;
        FigureCounts now = current == null ? null : current.subject();
        FigureCounts otherBefore = null;
        FigureCounts otherNow = null;
        if (d.spec() instanceof ChangeSpec) {
            previousValue = m == null ? null : m.otherValue();
            previousAt = measuredAt;
            previousAsOf = m == null ? null : m.otherAsOf();
            baseline = current == null ? null : current.other();
        } else {
            Measurement last = before == null ? null : before.lastMeasurement();
            previousValue = last != null ? last.value() : before == null ? null : before.lastValue();
            previousAt = before == null ? null : before.lastObservedAt();
            previousAsOf = last == null ? null : last.asOf();
            baseline = previous == null ? null : previous.subject();
            if (d.spec() instanceof CompareSpec) {
                otherBefore = previous == null ? null : previous.other();
                otherNow = current == null ? null : current.other();
            }
        }
        Change numerator = now == null ? null : new Change(baseline == null ? 0 : baseline.numerator(metric), now.numerator(metric));
        Long denominatorNow = now == null ? null : now.denominator(metric);
        Change denominator = denominatorNow == null ? null
                : new Change(baseline == null ? 0 : baseline.denominator(metric), denominatorNow);
        return new Explanation(metric.apiName(), value, measuredAt, asOf, d.window(), previousValue, previousAt, previousAsOf,
                comparison(d), now == null ? null : countOf(metric), numerator, denominator,
                contributors(metric, baseline, now), contributors(metric, otherBefore, otherNow));
    }

    private static List<Contributors.Contributor> contributors(io.nanopulse.contracts.api.Metric metric, FigureCounts before,
                                                               FigureCounts after) {
        if (after == null || after.members() == null) {
            return null;
        }
        return Contributors.top(metric, before == null ? null : before.members(), after.members(), Contributors.TOP);
    }

    private static String countOf(io.nanopulse.contracts.api.Metric metric) {
        return switch (metric) {
            case FILINGS, SHARE -> "filings";
            case GRANTS -> "grants";
            case LICENSING_RATE -> "licensed";
        };
    }

    /** The rule's comparison in words, e.g. {@code share > 0.42}. */
    static String comparison(RuleDefinition d) {
        String metric = d.metric().apiName();
        RuleSpec spec = d.spec();
        if (spec instanceof ThresholdSpec t) {
            return metric + " " + sign(t.condition()) + " " + number(t.threshold())
                    + (t.recoveryThreshold() == null ? "" : " (resolves past " + number(t.recoveryThreshold()) + ")");
        }
        if (spec instanceof ChangeSpec c) {
            String by = c.relative() ? number(c.amount()) + "%" : number(c.amount());
            return metric + " moved " + c.direction().name() + " by at least " + by + " against " + c.lookback() + " earlier";
        }
        if (spec instanceof CompareSpec c) {
            return metric + " of " + ref(d.subject()) + " " + sign(c.condition()) + " " + metric + " of " + ref(c.other())
                    + (c.margin() == 0 ? "" : " (margin " + number(c.margin()) + ")");
        }
        RankSpec r = (RankSpec) spec;
        String ranking = r.rankingKind().name() + " ranking by " + metric;
        if (r.watchesLeader()) {
            return "first place of the " + ranking + " changes hands" + (r.margin() == 0 ? "" : " (margin " + number(r.margin()) + ")");
        }
        return ref(d.subject()) + " " + (r.position() == RankSpec.Position.IN_TOP ? "in" : "out of") + " the top " + r.top()
                + " of the " + ranking;
    }

    private static String ref(io.nanopulse.contracts.api.SubjectKey s) {
        return s.kind() == io.nanopulse.contracts.SubjectKind.GLOBAL ? "GLOBAL" : s.kind().name() + " " + s.key();
    }

    private static String sign(Condition c) {
        return c == Condition.ABOVE ? ">" : "<";
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
