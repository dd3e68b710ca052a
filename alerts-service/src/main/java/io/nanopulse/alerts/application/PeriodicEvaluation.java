package io.nanopulse.alerts.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Re-evaluates every rule on a timer: trailing windows roll forward each day even when no change
 * arrives, and pending durations expire without an event. Every instance runs it; that is safe (state
 * rows are locked and compared) and only costs duplicate reads. "off" disables it.
 */
@ApplicationScoped
public class PeriodicEvaluation {
    private static final Logger LOG = Logger.getLogger(PeriodicEvaluation.class);

    @Inject
    EvaluateChanges evaluator;

    @Scheduled(identity = "rule-reevaluation", every = "${nanopulse.alerts.evaluation.interval:60s}",
            delayed = "${nanopulse.alerts.evaluation.initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            int n = evaluator.evaluateAll();
            LOG.debugf("periodic evaluation: %d transition(s)", n);
        } catch (RuntimeException e) {
            LOG.warnf("periodic evaluation incomplete (%s); next run retries", e.toString());
        }
    }
}
