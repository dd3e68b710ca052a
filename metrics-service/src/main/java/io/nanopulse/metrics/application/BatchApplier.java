package io.nanopulse.metrics.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.MetricChange;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.TraceParent;
import io.nanopulse.metrics.domain.PatentLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a consumed batch, or one part of it (split by patent, see BatchParts), in one PostgreSQL
 * transaction: patent states, counter deltas, the operators' running totals and the metric-changes outbox row
 * commit together or not at all.
 */
@ApplicationScoped
public class BatchApplier {
    /** What one applied batch did. */
    public record Applied(int events, int withEffect, boolean changed, long counterDeltas) {
        /** What two parts of one batch did together. */
        public Applied plus(Applied other) {
            return new Applied(events + other.events, withEffect + other.withEffect, changed || other.changed,
                    counterDeltas + other.counterDeltas);
        }
    }

    @Inject
    AggregateLock lock;
    @Inject
    InstitutionDirectory institutions;
    @Inject
    PatentStore store;
    @Inject
    MetricChangeOutbox outbox;

    @Inject
    MeterRegistry registry;

    /** Times one step of a batch (nanopulse.metrics.batch.step{step}), to see where a batch's time goes. */
    private <T> T step(String name, SqlStep<T> work) throws SQLException {
        long t0 = System.nanoTime();
        try {
            return work.run();
        } finally {
            BatchSteps.record(registry, name, t0);
        }
    }

    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    @Transactional
    public Applied apply(List<PatentEvent> events, int deadLettered) throws SQLException {
        long aliasVersion = step("lock", lock::shared);
        var ledger = new PatentLedger(institutions.resolverFor(aliasVersion));
        var states = step("read", () -> store.lockStates(events.stream().map(PatentEvent::patentId).toList()));
        PatentLedger.Outcome outcome = step("ledger", () -> ledger.apply(events, states));
        step("patents", () -> {
            store.saveStates(outcome.changed().values(), states.keySet());
            return null;
        });
        long deltaRows = step("counters", () -> store.addCounters(outcome.deltas()));
        store.recordProgress(events.size(), outcome.eventsWithEffect(), deadLettered);
        boolean changed = !outcome.deltas().isEmpty();
        if (changed) {
            MetricChange change = describe(outcome, events.size());
            try {
                outbox.add(UUID.fromString(change.changeId()), Json.mapper().writeValueAsString(change), TraceParent.current());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Applied(events.size(), outcome.eventsWithEffect(), changed, deltaRows);
    }

    static MetricChange describe(PatentLedger.Outcome outcome, int events) {
        var subjects = new ArrayList<>(outcome.deltas().subjects());
        subjects.sort(null);
        boolean globalFilings = false;
        for (var e : outcome.deltas().asMap().entrySet()) {
            if (e.getKey().subject().kind() == SubjectKind.GLOBAL && e.getValue().filings != 0) {
                globalFilings = true;
            }
        }
        // The filing days of every count that moved, those of retracted patents included.
        LocalDate from = outcome.deltas().fromDay();
        LocalDate to = outcome.deltas().toDay();
        return new MetricChange(UUID.randomUUID().toString(), Instant.now(), events, globalFilings, from, to,
                subjects.stream().map(s -> new MetricChange.Subject(s.kind(), s.key())).toList());
    }
}
