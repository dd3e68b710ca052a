package io.nanopulse.alerts.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.alerts.application.port.EmailStore;
import io.nanopulse.alerts.application.port.OutboxStore;
import io.nanopulse.alerts.application.port.ReadingStore;
import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.application.port.SilenceStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.AlertNotification;
import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.Explanation;
import io.nanopulse.alerts.domain.Figures;
import io.nanopulse.alerts.domain.Observation;
import io.nanopulse.alerts.domain.RuleReading;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.Silence;
import io.nanopulse.alerts.domain.Subscriber;
import io.nanopulse.alerts.domain.SubscriberEmail;
import io.nanopulse.alerts.domain.TransitionKind;
import io.nanopulse.alerts.domain.WebhookDelivery;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one fresh observation to one rule, in one transaction (its own, or one a chunk of rules shares): lock
 * the state row, step the state machine, record the transition and write its outbox row. Either all of it commits or none; the lock
 * and the compared states make every transition happen exactly once, however many instances, restarts
 * and redelivered changes there are.
 */
@ApplicationScoped
public class ApplyTransition {

    @Inject
    RuleStore rules;

    @Inject
    TransitionStore transitions;

    @Inject
    SilenceStore silences;

    @Inject
    SubscriberStore subscribers;

    @Inject
    OutboxStore outbox;

    @Inject
    ReadingStore readings;

    @Inject
    EmailStore emails;

    @Inject
    Event<TransitionCommitted> committed;

    @Inject
    AlertsConfig config;

    /**
     * @param revision    the rule revision the figures were read for; a rule edited since is skipped (its
     *                    edit triggers its own evaluation)
     * @param observation the figures read for the rule ({@link io.nanopulse.alerts.domain.RuleEvaluation#observe})
     * @param observedAt  when they were read; figures read before the ones applied last are stale
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<TransitionKind> apply(UUID ruleId, int revision, Observation observation, Instant observedAt) {
        return apply(ruleId, revision, observation, observedAt, List.of());
    }

    /**
     * As {@link #apply(UUID, int, Observation, Instant)}, with the figures the observation was made of, in
     * {@link io.nanopulse.alerts.domain.RuleEvaluation#reads} order: their counts are kept for the next evaluation
     * and explain this one's notification ({@link Explanation}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<TransitionKind> apply(UUID ruleId, int revision, Observation observation, Instant observedAt,
                                          List<Figures> read) {
        return step(ruleId, revision, observation, observedAt, read);
    }

    /**
     * As {@link #apply(UUID, int, Observation, Instant, List)}, in the caller's transaction, so several rules' steps
     * commit together; the caller locks rules in id order and rolls all back when one throws.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TransitionKind> applyJoined(UUID ruleId, int revision, Observation observation, Instant observedAt,
                                                List<Figures> read) {
        return step(ruleId, revision, observation, observedAt, read);
    }

    private Optional<TransitionKind> step(UUID ruleId, int revision, Observation observation, Instant observedAt,
                                          List<Figures> read) {
        Optional<RuleState> locked = rules.lockState(ruleId);
        if (locked.isEmpty()) {
            return Optional.empty(); // deleted meanwhile
        }
        RuleState state = locked.get();
        AlertRule rule = rules.find(ruleId).orElse(null);
        if (rule == null || rule.revision() != revision) {
            return Optional.empty();
        }
        if (state.isStale(observedAt)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        RuleState.Applied applied = state.apply(rule, observation, observedAt, now);
        rules.saveState(applied.state());
        RuleReading reading = RuleReading.of(rule.revision(), observation, observedAt, read);
        RuleReading previous = null;
        if (reading != null) {
            RuleReading last = readings.last(ruleId).orElse(null);
            previous = applied.transition().isPresent() ? last : null;
            if (!reading.sameCounts(last)) {
                readings.save(ruleId, reading); // written only when what it explains from changed
            }
        }
        if (applied.transition().isEmpty()) {
            return Optional.empty();
        }

        AlertTransition t = applied.transition().get();
        AlertNotification notification = null;
        int deliveries = 0;
        if (t.kind().notifies()) {
            Optional<Silence> silence = silences.inForce(rule.owner(), now).stream()
                    .filter(s -> s.scope().mutes(rule.id(), rule.subscriberId(), rule.definition().labels(), now))
                    .findFirst();
            if (silence.isPresent()) {
                t = t.silencedBy(silence.get().id());
            } else {
                notification = AlertNotification.of(rule, t, config.publicBaseUrl(),
                        Explanation.of(rule, state, t.measurement(), observedAt, previous, reading));
                Subscriber subscriber = subscribers.find(rule.subscriberId()).orElse(null);
                if (subscriber != null && subscriber.webhookActive()) {
                    // The webhook call joins the trace of the change that caused it.
                    outbox.enqueue(WebhookDelivery.pending(subscriber.id(), t, notification.type(),
                            payload(notification), TraceParent.current(), now));
                    deliveries = 1;
                }
                SubscriberEmail email = subscriber == null || !config.email().enabled() ? null
                        : emails.find(subscriber.id()).filter(SubscriberEmail::confirmed).orElse(null);
                if (email != null) {
                    // One e-mail per transition, due now or with the subscriber's next digest.
                    outbox.enqueue(WebhookDelivery.pendingEmail(subscriber.id(), t, notification.type(),
                            payload(notification), now, email.dueAt(now), email.digest() != null));
                    deliveries++;
                }
            }
        }
        transitions.record(t, notification == null ? null : payload(notification)); // announced to every instance's streams
        committed.fire(new TransitionCommitted(rule.id(), rule.subscriberId(), t.kind(), notification, deliveries));
        return Optional.of(t.kind());
    }

    private static String payload(AlertNotification notification) {
        try {
            return Json.mapper().writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
    }
}
