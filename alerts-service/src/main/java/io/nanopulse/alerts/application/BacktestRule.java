package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.FiguresSource;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.BacktestPeriod;
import io.nanopulse.alerts.domain.BacktestReplay;
import io.nanopulse.alerts.domain.FigureQuery;
import io.nanopulse.alerts.domain.Figures;
import io.nanopulse.alerts.domain.Observation;
import io.nanopulse.alerts.domain.RankingQuery;
import io.nanopulse.alerts.domain.Reads;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleDraft;
import io.nanopulse.alerts.domain.RuleEvaluation;
import io.nanopulse.alerts.domain.RuleValidator;
import io.nanopulse.alerts.domain.Standings;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What a rule would have done over a past period: checked as a save checks it, its figures read as of each date
 * of the period (the reads of live evaluation, {@link RuleEvaluation#reads}, with {@code asOf}), then replayed by
 * the live state machine ({@link BacktestReplay}). Nothing is stored or sent. At most
 * {@code backtest.max-concurrent} run at once per instance, so a client cannot turn its request rate into a
 * hundredfold load on metrics-service. One backtest reads for at most {@code backtest.timeout} (rankings
 * {@value #RANKING_PARALLELISM} at a time); past it, it stops reading and answers 503.
 */
@ApplicationScoped
public class BacktestRule {
    private static final Logger LOG = Logger.getLogger(BacktestRule.class);
    static final int RANKING_PARALLELISM = 4;

    @Inject
    FiguresSource metrics;

    @Inject
    SubscriberStore subscribers;

    @Inject
    AlertsConfig config;

    private Semaphore running;

    @PostConstruct
    void init() {
        running = new Semaphore(config.backtest().maxConcurrent());
    }

    /** The period evaluated and what the rule did over it. */
    public record Result(BacktestPeriod period, BacktestReplay.Outcome outcome) {
    }

    /** As many backtests as allowed run already on this instance. */
    public static class Busy extends RuntimeException {
        Busy(int max) {
            super(max + " backtests are running on this instance (nanopulse.alerts.backtest.max-concurrent); retry shortly",
                    null, false, false);
        }
    }

    /**
     * @param draft        the rule (null when the body has none); its fields are named {@code rule.…}
     * @param subscriberId optional; when given, one of the owner's subscribers
     */
    public Result run(String owner, UUID subscriberId, RuleDraft draft, String from, String to, String step) {
        List<FieldError> errors = new ArrayList<>();
        RuleDefinition definition = null;
        if (draft == null) {
            errors.add(new FieldError("rule", "is required: a rule as POST /rules takes it"));
        } else {
            RuleValidator.Result result = RuleValidator.validate(draft);
            if (result instanceof RuleValidator.Invalid invalid) {
                invalid.errors().forEach(e -> errors.add(new FieldError("rule." + e.field(), e.reason())));
            } else {
                definition = ((RuleValidator.Valid) result).rule();
            }
        }
        if (subscriberId != null
                && QuarkusTransaction.requiringNew().call(() -> subscribers.findOwned(subscriberId, owner)).isEmpty()) {
            errors.add(new FieldError("rule.subscriberId", "no such subscriber"));
        }
        BacktestPeriod period = null;
        BacktestPeriod.Result checked = BacktestPeriod.check(from, to, step, LocalDate.now(ZoneOffset.UTC));
        if (checked instanceof BacktestPeriod.Invalid invalid) {
            errors.addAll(invalid.errors());
        } else {
            period = ((BacktestPeriod.Valid) checked).period();
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        if (!running.tryAcquire()) {
            throw new Busy(config.backtest().maxConcurrent());
        }
        try {
            return replay(owner, subscriberId, definition, period);
        } finally {
            running.release();
        }
    }

    private Result replay(String owner, UUID subscriberId, RuleDefinition d, BacktestPeriod period) {
        AlertRule rule = AlertRule.create(owner, subscriberId, d, Instant.now());
        List<LocalDate> dates = period.dates();

        Set<FigureQuery> figureQueries = new LinkedHashSet<>();
        Set<RankingQuery> rankingQueries = new LinkedHashSet<>();
        for (LocalDate date : dates) {
            Reads reads = RuleEvaluation.reads(d, date);
            figureQueries.addAll(reads.figures());
            if (reads.ranking() != null) {
                rankingQueries.add(reads.ranking());
            }
        }
        Map<FigureQuery, Figures> figures = new HashMap<>();
        Map<RankingQuery, Standings> rankings = new HashMap<>();
        read(figureQueries, rankingQueries, figures, rankings);
        List<Observation> observations = dates.stream()
                .map(date -> RuleEvaluation.observe(d, date, figures::get, rankings::get)).toList();
        return new Result(period, BacktestReplay.replay(rule, observations));
    }

    /**
     * Figures in batches of up to {@code evaluation.chunk-size} queries, rankings {@value #RANKING_PARALLELISM} at a
     * time, all within {@code backtest.timeout}.
     */
    private void read(Set<FigureQuery> figureQueries, Set<RankingQuery> rankingQueries, Map<FigureQuery, Figures> figures,
                      Map<RankingQuery, Standings> rankings) {
        int chunk = Math.min(FiguresSource.MAX_QUERIES, Math.max(1, config.evaluation().chunkSize()));
        long deadline = System.nanoTime() + config.backtest().timeout().toNanos();
        List<FigureQuery> all = new ArrayList<>(figureQueries);
        try {
            for (int i = 0; i < all.size(); i += chunk) {
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut();
                }
                List<FigureQuery> part = all.subList(i, Math.min(all.size(), i + chunk));
                List<Figures> answers = metrics.fetch(part);
                for (int j = 0; j < part.size(); j++) {
                    figures.put(part.get(j), answers.get(j));
                }
            }
            rankings(new ArrayList<>(rankingQueries), deadline, rankings);
        } catch (FiguresSource.QueryRejected e) {
            throw ProblemException.invalid("rule", "metrics-service refused the figures this rule reads ("
                    + e.getMessage() + ")");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("backtest: metrics-service could not be read: %s", e.toString());
            throw new ProblemException(Problem.unavailable("metrics", "metrics-service is unavailable; try again shortly"));
        }
    }

    /** Reads the rankings on a few threads of this backtest's own; those unread at the deadline are cancelled. */
    private void rankings(List<RankingQuery> queries, long deadline, Map<RankingQuery, Standings> rankings) {
        if (queries.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(RANKING_PARALLELISM, queries.size()));
        try {
            List<Callable<Standings>> tasks = queries.stream().<Callable<Standings>>map(q -> () -> metrics.ranking(q)).toList();
            List<Future<Standings>> answers = pool.invokeAll(tasks, Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            for (int i = 0; i < queries.size(); i++) {
                Future<Standings> f = answers.get(i);
                if (f.isCancelled()) {
                    throw timedOut();
                }
                try {
                    rankings.put(queries.get(i), f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut();
        } finally {
            pool.shutdownNow();
        }
    }

    private ProblemException timedOut() {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the backtest did not finish reading "
                + "its figures within " + config.backtest().timeout().toMillis() + " ms (nanopulse.alerts.backtest.timeout); "
                + "try a shorter period or step MONTH"));
    }
}
