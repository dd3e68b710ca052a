package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a rule over past observations with the state machine of live evaluation ({@link RuleState#apply}, judged
 * by {@link RuleEvaluation#judge}): from {@code OK}, as if the rule had been saved as of the first date, each
 * observation applied in date order at the virtual time of its date (00:00 UTC). Pending durations and repeat
 * intervals are therefore measured between dates: a rule pending since D fires at the first later date at least
 * {@code pendingFor} after D that still breaches, so a pending duration shorter than the step fires one date later.
 */
public final class BacktestReplay {

    private BacktestReplay() {
    }

    /** The rule as of one date: what the state machine compared ({@link Verdict#value()}), its state after it. */
    public record Point(LocalDate asOf, Double value, AlertState state, Measurement measurement) {
    }

    /** From the date the rule fired to the date it resolved; {@code to} null: still firing after the last date. */
    public record Firing(LocalDate from, LocalDate to) {
    }

    /** Every date's point, every transition (their {@code occurredAt} the virtual time of their date), the firing periods. */
    public record Outcome(List<Point> points, List<AlertTransition> transitions, List<Firing> firing, AlertState state) {
        public Outcome {
            points = List.copyOf(points);
            transitions = List.copyOf(transitions);
            firing = List.copyOf(firing);
        }
    }

    /** The virtual time of a date: its start, UTC. */
    public static Instant instant(LocalDate asOf) {
        return asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The date of a virtual time. */
    public static LocalDate date(Instant virtual) {
        return LocalDate.ofInstant(virtual, ZoneOffset.UTC);
    }

    /** Applies {@code observations} (oldest first, one per date) to a new state of {@code rule}. */
    public static Outcome replay(AlertRule rule, List<Observation> observations) {
        List<Point> points = new ArrayList<>(observations.size());
        List<AlertTransition> transitions = new ArrayList<>();
        List<Firing> firing = new ArrayList<>();
        if (observations.isEmpty()) {
            return new Outcome(points, transitions, firing, AlertState.OK);
        }
        RuleState state = RuleState.initial(rule.id(), instant(observations.get(0).asOf()));
        LocalDate firingSince = null;
        LocalDate previous = null;
        for (Observation o : observations) {
            if (previous != null && !o.asOf().isAfter(previous)) {
                throw new IllegalArgumentException("observations must be in date order, one per date: " + o.asOf()
                        + " after " + previous);
            }
            previous = o.asOf();
            Instant now = instant(o.asOf());
            Measurement measurement = RuleEvaluation.judge(rule.definition(), o, state.reference()).measurement();
            RuleState.Applied applied = state.apply(rule, o, now, now);
            state = applied.state();
            if (applied.transition().isPresent()) {
                AlertTransition t = applied.transition().get();
                transitions.add(t);
                if (t.to() == AlertState.FIRING && t.from() != AlertState.FIRING) {
                    firingSince = o.asOf();
                } else if (t.from() == AlertState.FIRING && t.to() != AlertState.FIRING) {
                    firing.add(new Firing(firingSince, o.asOf()));
                    firingSince = null;
                }
            }
            points.add(new Point(o.asOf(), state.lastValue(), state.state(), measurement));
        }
        if (firingSince != null) {
            firing.add(new Firing(firingSince, null));
        }
        return new Outcome(points, transitions, firing, state.state());
    }
}
