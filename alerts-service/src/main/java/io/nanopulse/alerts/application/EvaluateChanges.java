package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.FiguresSource;
import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.ChangeSet;
import io.nanopulse.alerts.domain.FigureQuery;
import io.nanopulse.alerts.domain.Figures;
import io.nanopulse.alerts.domain.Observation;
import io.nanopulse.alerts.domain.RankingQuery;
import io.nanopulse.alerts.domain.Reads;
import io.nanopulse.alerts.domain.RuleEvaluation;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.domain.Standings;
import io.nanopulse.alerts.domain.TransitionKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads what a set of rules needs from metrics-service as of today (UTC) and applies each rule's observation
 * to its state machine. Which rules a metric change may affect: those whose subject it lists, every RANK and
 * COMPARE rule and every rule on a group (a change never names what they depend on), every share rule and
 * every GLOBAL rule when a global total moved (every share has a new denominator), and all rules when a
 * change could not be read. Rules are processed in chunks so one metrics call serves up to
 * {@code chunk-size} rules, with identical figure queries asked once and each distinct ranking read once.
 */
@ApplicationScoped
public class EvaluateChanges {
    private static final Logger LOG = Logger.getLogger(EvaluateChanges.class);

    @Inject
    FiguresSource metrics;

    @Inject
    RuleStore rules;

    @Inject
    ApplyTransition transitions;

    @Inject
    AlertsConfig config;

    @Inject
    Tracer tracer;

    /** Evaluations of new or edited rules run here, off the HTTP request that saved them. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerts-rule-evaluation");
        t.setDaemon(true);
        return t;
    });

    /** Evaluates every rule the changes may have moved; throws when any could not be evaluated. */
    public int evaluate(ChangeSet changes) {
        if (changes.everything()) {
            return evaluateAll();
        }
        if (changes.isEmpty()) {
            return 0;
        }
        // One query for the rules the change may have moved (a change lists thousands of subjects, few have rules).
        String[] refs = changes.subjectRefs().toArray(String[]::new);
        List<RuleTarget> affected = QuarkusTransaction.requiringNew()
                .call(() -> rules.targetsAffectedBy(refs, changes.globalChanged()));
        int step = Math.max(1, config.evaluation().chunkSize());
        int transitioned = 0;
        for (int i = 0; i < affected.size(); i += step) {
            transitioned += evaluateTargets(affected.subList(i, Math.min(affected.size(), i + step)));
        }
        return transitioned;
    }

    /** Every rule, e.g. for the periodic pass (trailing windows roll forward, pending durations expire). */
    public int evaluateAll() {
        int transitioned = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            int size = Math.max(1, config.evaluation().chunkSize());
            List<RuleTarget> page = QuarkusTransaction.requiringNew().call(() -> rules.targetsAfter(from, size));
            if (page.isEmpty()) {
                return transitioned;
            }
            transitioned += evaluateTargets(page);
            after = page.get(page.size() - 1).id();
        }
    }

    /** Evaluates one rule soon, without blocking the caller; the periodic pass is the safety net. */
    public void evaluateSoon(UUID ruleId) {
        // Context.wrap: the evaluation stays in the trace of the request that saved the rule.
        background.execute(Context.current().wrap(() -> {
            try {
                Optional<RuleTarget> t = QuarkusTransaction.requiringNew().call(() -> rules.target(ruleId));
                evaluateTargets(t.stream().toList());
            } catch (RuntimeException e) {
                LOG.warnf("first evaluation of rule %s failed (%s); the periodic evaluation will retry", ruleId, e.toString());
            }
        }));
    }

    /** Returns how many rules transitioned; throws after trying all when some could not be evaluated. */
    int evaluateTargets(List<RuleTarget> targets) {
        Applied applied = Applied.NONE;
        // A rule reads at most two figures: a chunk's batch stays within MAX_QUERIES.
        int step = Math.min(FiguresSource.MAX_QUERIES / 2, Math.max(1, config.evaluation().chunkSize()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < targets.size(); i += step) {
            List<RuleTarget> chunk = targets.subList(i, Math.min(targets.size(), i + step));
            Map<FigureQuery, Integer> index = new LinkedHashMap<>();
            Map<RankingQuery, Optional<Standings>> rankings = new LinkedHashMap<>();
            for (RuleTarget t : chunk) {
                Reads reads = t.reads(today);
                reads.figures().forEach(q -> index.putIfAbsent(q, index.size()));
                if (reads.ranking() != null) {
                    rankings.put(reads.ranking(), Optional.empty());
                }
            }
            Instant observedAt = Instant.now();
            List<Optional<Figures>> figures = fetch(new ArrayList<>(index.keySet()));
            rankings.replaceAll((q, none) -> rank(q));
            List<Observed> steps = new ArrayList<>();
            for (RuleTarget t : chunk) {
                Reads reads = t.reads(today);
                if (reads.figures().stream().anyMatch(q -> figures.get(index.get(q)).isEmpty())
                        || reads.ranking() != null && rankings.get(reads.ranking()).isEmpty()) {
                    continue; // metrics-service refused a query of this rule; logged in fetch or rank
                }
                Observation o = RuleEvaluation.observe(t.definition(), today,
                        q -> figures.get(index.get(q.explained())).orElseThrow(), q -> rankings.get(q).orElseThrow());
                steps.add(new Observed(t, o, reads.figures().stream().map(q -> figures.get(index.get(q)).orElseThrow()).toList()));
            }
            // Id order: instances lock the rows of overlapping chunks in the same order (UUID text sorts as PostgreSQL's).
            steps.sort(Comparator.comparing(s -> s.target().id().toString()));
            applied = applied.then(applyAll(steps, observedAt));
        }
        if (applied.failure() != null) {
            throw applied.failure();
        }
        return applied.transitioned();
    }

    /** One rule's observation, ready to apply. */
    private record Observed(RuleTarget target, Observation observation, List<Figures> read) {
    }

    /** How many rules transitioned, and the last failure, if any. */
    private record Applied(int transitioned, RuntimeException failure) {
        static final Applied NONE = new Applied(0, null);

        /** These and {@code next} together: the transitions added up, the later failure kept. */
        Applied then(Applied next) {
            return new Applied(transitioned + next.transitioned, next.failure != null ? next.failure : failure);
        }
    }

    /** Applies a chunk's observations, {@code rules-per-transaction} rules in each transaction. */
    private Applied applyAll(List<Observed> steps, Instant observedAt) {
        int size = Math.max(1, config.evaluation().rulesPerTransaction());
        Applied applied = Applied.NONE;
        for (int i = 0; i < steps.size(); i += size) {
            applied = applied.then(applyTogether(steps.subList(i, Math.min(steps.size(), i + size)), observedAt));
        }
        return applied;
    }

    /**
     * Applies observations in one transaction, so they commit once; when that fails (a rule's step throws, a lock or
     * serialization error), each rule again in a transaction of its own, so one bad rule never holds back the others.
     * A span per rule when in a trace, ended once its step committed: its webhook carries it.
     */
    private Applied applyTogether(List<Observed> steps, Instant observedAt) {
        // Within a trace (a change's, a request's) a span per rule; the periodic pass starts no trace per rule.
        boolean traced = Span.current().getSpanContext().isValid();
        List<Span> spans = steps.stream().map(s -> traced ? tracer.spanBuilder("apply rule observation")
                .setAttribute("nanopulse.rule.id", s.target().id().toString()).startSpan() : Span.getInvalid()).toList();
        try {
            if (steps.size() > 1) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> applyEach(steps, spans, false,
                            s -> transitions.applyJoined(s.target().id(), s.target().revision(), s.observation(), observedAt, s.read())));
                } catch (RuntimeException e) {
                    LOG.infof("%d rules could not be applied together (%s); applying them one by one", steps.size(),
                            e.toString());
                }
            }
            return applyEach(steps, spans, true,
                    s -> transitions.apply(s.target().id(), s.target().revision(), s.observation(), observedAt, s.read()));
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** One rule's step, in the chunk's transaction or its own. */
    private interface Step {
        Optional<TransitionKind> apply(Observed observed);
    }

    /**
     * Applies each step under its rule's span; {@code isolated}: a step that throws is logged and the next one goes
     * on (the last failure is returned), else the first failure is thrown (the chunk's transaction rolls back).
     */
    private static Applied applyEach(List<Observed> steps, List<Span> spans, boolean isolated, Step step) {
        int transitioned = 0;
        RuntimeException failure = null;
        for (int i = 0; i < steps.size(); i++) {
            Observed s = steps.get(i);
            try (Scope ignored = spans.get(i).makeCurrent()) {
                if (step.apply(s).isPresent()) {
                    transitioned++;
                }
            } catch (RuntimeException e) {
                if (!isolated) {
                    throw e;
                }
                failure = e;
                LOG.warnf("rule %s could not be evaluated: %s", s.target().id(), e.toString());
            }
        }
        return new Applied(transitioned, failure);
    }

    /** The ranking of a query; empty when metrics-service refuses it (the rules reading it are skipped). */
    private Optional<Standings> rank(RankingQuery q) {
        try {
            return Optional.of(metrics.ranking(q));
        } catch (FiguresSource.QueryRejected e) {
            LOG.warnf("metrics-service refused ranking %s: %s", q, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Figures per query. A 4xx for a whole batch is asked again in halves until the refused queries are alone,
     * so one query metrics-service refuses (a rule on a group deleted since) cannot block every other rule and
     * costs a few calls, not one per query; such a query yields empty.
     */
    private List<Optional<Figures>> fetch(List<FigureQuery> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        try {
            return metrics.fetch(queries).stream().map(Optional::ofNullable).toList();
        } catch (FiguresSource.QueryRejected e) {
            if (queries.size() == 1) {
                LOG.warnf("metrics-service refused query %s: %s", queries.get(0), e.getMessage());
                return List.of(Optional.empty());
            }
            int half = queries.size() / 2;
            List<Optional<Figures>> out = new ArrayList<>(fetch(queries.subList(0, half)));
            out.addAll(fetch(queries.subList(half, queries.size())));
            return out;
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
