package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Dates;
import io.nanopulse.contracts.api.SubjectKey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Evaluates a rule of any kind, purely: which figures it reads as of a date ({@link #reads}), what they say
 * ({@link #observe}), and how that is judged against the rule's reference ({@link #judge}); the state machine then
 * steps on the verdict. Live evaluation and backtests share these, so they agree. Values are compared as the
 * decimals metrics-service sends (share 0.43 - 0.41 is exactly two points), never in binary floating point.
 */
public final class RuleEvaluation {
    /**
     * Places a RANK rule without subject reads (metrics' largest ranking page): its reference leader's value is known
     * while among them; a reference below them counts as overtaken (no value: anyone ahead of it).
     */
    public static final int LEADER_PLACES = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleEvaluation() {
    }

    /** What evaluating {@code d} as of {@code asOf} reads: figures in the order {@link #observe} uses them, or a ranking. */
    public static Reads reads(RuleDefinition d, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        RuleSpec spec = d.spec();
        if (spec instanceof RankSpec r) {
            int limit = r.watchesLeader() ? LEADER_PLACES : Math.max(r.top(), r.recoveryTop());
            return new Reads(List.of(), new RankingQuery(r.rankingKind(), d.metric(), d.window(), asOf, limit));
        }
        List<FigureQuery> figures = new ArrayList<>();
        figures.add(new FigureQuery(d.subject(), d.window(), asOf));
        if (spec instanceof ChangeSpec c) {
            LocalDate earlier = earlier(asOf, c);
            if (earlier != null) {
                figures.add(new FigureQuery(d.subject(), d.window(), earlier));
            }
        } else if (spec instanceof CompareSpec c) {
            figures.add(new FigureQuery(c.other(), d.window(), asOf));
        }
        return new Reads(figures, null);
    }

    /** The observation of {@code d} as of {@code asOf}, from the answers to its {@link #reads} (null: no data). */
    public static Observation observe(RuleDefinition d, LocalDate asOf, Function<FigureQuery, Figures> figures,
                                      Function<RankingQuery, Standings> rankings) {
        Reads reads = reads(d, asOf);
        if (reads.ranking() != null) {
            return new Observation(asOf, null, null, null, rankings.apply(reads.ranking()));
        }
        Double value = value(d, figures.apply(reads.figures().get(0)));
        if (d.spec() instanceof ChangeSpec c) {
            LocalDate earlier = earlier(asOf, c);
            Double before = reads.figures().size() > 1 ? value(d, figures.apply(reads.figures().get(1))) : null;
            return new Observation(asOf, value, earlier, before, null);
        }
        if (d.spec() instanceof CompareSpec) {
            return new Observation(asOf, value, null, value(d, figures.apply(reads.figures().get(1))), null);
        }
        return Observation.of(asOf, value);
    }

    /**
     * The verdict on {@code o} under {@code d}. {@code reference} is the leader a RANK rule without subject
     * watches (null before its first evaluation: then the current leader becomes it); other kinds pass it on.
     */
    public static Verdict judge(RuleDefinition d, Observation o, String reference) {
        RuleSpec spec = d.spec();
        if (spec instanceof ThresholdSpec t) {
            return threshold(t, o, reference);
        }
        if (spec instanceof ChangeSpec c) {
            return change(c, o, reference);
        }
        if (spec instanceof CompareSpec c) {
            return compare(c, o, reference);
        }
        RankSpec r = (RankSpec) spec;
        return r.watchesLeader() ? leader(r, o, reference) : rank(d.subject(), r, o, reference);
    }

    private static Verdict threshold(ThresholdSpec t, Observation o, String reference) {
        Double v = o.value();
        Measurement m = Measurement.of(o.asOf(), v);
        boolean breach = v != null && t.condition().breaches(v, t.threshold());
        boolean recovered = v != null && (t.recoveryThreshold() == null
                ? !breach : t.condition().recovered(v, t.recoveryThreshold()));
        return new Verdict(breach, recovered, v, t.threshold(), t.recoveryThreshold(), m, reference);
    }

    private static Verdict change(ChangeSpec c, Observation o, String reference) {
        Double now = o.value();
        Double before = o.otherValue();
        if (now == null || before == null) {
            return Verdict.noData(c.amount(), c.recoveryAmount(),
                    new Measurement(o.asOf(), now, o.otherAsOf(), before, null, null, null, null), reference);
        }
        if (c.relative() && before == 0 && now != 0) {
            return unboundedChange(c, o, now, before, reference);
        }
        BigDecimal delta = decimal(now).subtract(decimal(before));
        BigDecimal change = !c.relative() ? delta
                : before == 0 ? BigDecimal.ZERO : delta.multiply(HUNDRED).divide(decimal(before).abs(), MathContext.DECIMAL64);
        BigDecimal moved = switch (c.direction()) {
            case UP -> change;
            case DOWN -> change.negate();
            case EITHER -> change.abs();
        };
        boolean breach = moved.compareTo(decimal(c.amount())) >= 0;
        boolean recovered = moved.compareTo(decimal(c.recoveryAmount() == null ? c.amount() : c.recoveryAmount())) < 0;
        double changed = change.doubleValue();
        return new Verdict(breach, recovered, changed, c.amount(), c.recoveryAmount(),
                new Measurement(o.asOf(), now, o.otherAsOf(), before, changed, null, null, null), reference);
    }

    /**
     * A relative change from an earlier 0: an unbounded move in the sign of {@code now}. It breaches UP (or DOWN) and
     * EITHER, never the other direction; no percent exists, so {@code change} is reported as null.
     */
    private static Verdict unboundedChange(ChangeSpec c, Observation o, double now, double before, String reference) {
        boolean up = now > 0;
        boolean breach = switch (c.direction()) {
            case UP -> up;
            case DOWN -> !up;
            case EITHER -> true;
        };
        return new Verdict(breach, !breach, null, c.amount(), c.recoveryAmount(),
                new Measurement(o.asOf(), now, o.otherAsOf(), before, null, null, null, null), reference);
    }

    private static Verdict compare(CompareSpec c, Observation o, String reference) {
        Double a = o.value();
        Double b = o.otherValue();
        Measurement m = new Measurement(o.asOf(), a, null, b, null, null, null, null);
        if (a == null || b == null) {
            return Verdict.noData(b == null ? 0 : b, null, m, reference);
        }
        int cmp = decimal(a).compareTo(decimal(b));
        boolean breach = c.condition() == Condition.ABOVE ? cmp > 0 : cmp < 0;
        if (c.margin() == 0) {
            return new Verdict(breach, !breach, a, b, null, m, reference);
        }
        BigDecimal recovery = c.condition() == Condition.ABOVE
                ? decimal(b).subtract(decimal(c.margin())) : decimal(b).add(decimal(c.margin()));
        int r = decimal(a).compareTo(recovery);
        boolean recovered = c.condition() == Condition.ABOVE ? r < 0 : r > 0;
        return new Verdict(breach, recovered, a, b, recovery.doubleValue(), m, reference);
    }

    private static Verdict rank(SubjectKey subject, RankSpec r, Observation o, String reference) {
        Standings s = o.standings();
        Integer recoveryTop = r.recoveryTop() == r.top() ? null : r.recoveryTop();
        if (s == null || s.entries().isEmpty()) {
            return Verdict.noData(r.top(), recoveryTop == null ? null : recoveryTop.doubleValue(),
                    new Measurement(o.asOf(), null, null, null, null, null, null, null), reference);
        }
        int p = s.positionOf(subject);
        boolean in = p != 0 && p <= r.top();
        boolean withinRecovery = p != 0 && p <= r.recoveryTop();
        boolean inTop = r.position() == RankSpec.Position.IN_TOP;
        boolean breach = inTop == in;
        boolean recovered = inTop ? !withinRecovery : withinRecovery;
        Double value = p == 0 ? null : s.entries().get(p - 1).value();
        Measurement m = new Measurement(o.asOf(), value, null, null, null, p, s.entries().get(0).subject().key(), null);
        return new Verdict(breach, recovered, p == 0 ? null : (double) p, r.top(),
                recoveryTop == null ? null : recoveryTop.doubleValue(), m, reference);
    }

    private static Verdict leader(RankSpec r, Observation o, String reference) {
        Standings s = o.standings();
        if (s == null || s.entries().isEmpty()) {
            return Verdict.noData(0, null, new Measurement(o.asOf(), null, null, null, null, null, null, reference),
                    reference);
        }
        Standings.Entry first = s.entries().get(0);
        String leader = first.subject().key();
        String ref = reference == null ? leader : reference;
        Standings.Entry held = s.entryOf(new SubjectKey(r.rankingKind(), ref));
        Double heldValue = held == null ? null : held.value();
        // The reference is #1 again when first or tied for first (ties are ordered by key, not by value).
        boolean refFirst = leader.equals(ref) || heldValue != null && first.value() != null
                && decimal(first.value()).compareTo(decimal(heldValue)) == 0;
        boolean breach = !refFirst && (held == null || ahead(first.value(), heldValue, r.margin()));
        Measurement m = new Measurement(o.asOf(), first.value(), null, heldValue, null, null, leader, ref);
        return new Verdict(breach, refFirst, first.value(), heldValue == null ? 0 : heldValue, null, m, ref);
    }

    /** Whether a rule revised from {@code before} to {@code after} still watches the same first place (keeps its reference). */
    public static boolean keepsReference(RuleDefinition before, RuleDefinition after) {
        return before.spec() instanceof RankSpec b && b.watchesLeader()
                && after.spec() instanceof RankSpec a && a.watchesLeader()
                && a.rankingKind() == b.rankingKind() && after.metric() == before.metric()
                && after.window().equals(before.window());
    }

    /** Whether {@code a} is ahead of {@code b} by more than {@code margin}; no data is never ahead, anything is ahead of no data. */
    private static boolean ahead(Double a, Double b, double margin) {
        if (a == null) {
            return false;
        }
        return b == null || decimal(a).subtract(decimal(b)).compareTo(decimal(margin)) > 0;
    }

    /** The earlier date a CHANGE rule compares with, or null before the first date figures have. */
    private static LocalDate earlier(LocalDate asOf, ChangeSpec c) {
        LocalDate earlier = asOf.minus(c.lookback());
        return earlier.isBefore(Dates.MIN) ? null : earlier;
    }

    private static Double value(RuleDefinition d, Figures f) {
        return f == null ? null : f.valueOf(d.metric());
    }

    /** The decimal a double was printed from (metrics-service's values are decimals). */
    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v);
    }
}
