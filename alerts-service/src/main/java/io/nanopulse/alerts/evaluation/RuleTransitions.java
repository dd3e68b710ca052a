package io.nanopulse.alerts.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.delivery.AlertNotification;
import io.nanopulse.alerts.persistence.AlertRule;
import io.nanopulse.alerts.persistence.AlertTransition;
import io.nanopulse.alerts.persistence.DeliveryStatus;
import io.nanopulse.alerts.persistence.RuleState;
import io.nanopulse.alerts.persistence.Silence;
import io.nanopulse.alerts.persistence.Subscriber;
import io.nanopulse.alerts.persistence.WebhookDelivery;
import io.nanopulse.alerts.service.AlertStateMachine;
import io.nanopulse.alerts.service.TransitionKind;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one freshly read value to one rule, in one transaction: lock the state row, step the state
 * machine, record the transition and write its outbox rows. Either all of it commits or none.
 */
@ApplicationScoped
public class RuleTransitions {

    @Inject
    Event<TransitionCommitted> committed;

    @Inject
    AlertsConfig config;

    /**
     * @param revision   the rule revision the value was read for; a rule edited since is skipped (its
     *                   edit triggers its own evaluation)
     * @param observedAt when the value was read; a value read before the one applied last is stale
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<TransitionKind> apply(UUID ruleId, int revision, Double value, Instant observedAt) {
        RuleState state = RuleState.findById(ruleId, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            return Optional.empty(); // deleted meanwhile
        }
        AlertRule rule = AlertRule.findById(ruleId);
        if (rule == null || rule.revision != revision) {
            return Optional.empty();
        }
        if (state.lastObservedAt != null && observedAt.isBefore(state.lastObservedAt)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        AlertStateMachine.Step step = AlertStateMachine.next(rule.thresholds(), state.snapshot(), value, now);
        state.lastValue = value;
        state.lastObservedAt = observedAt;
        state.lastEvaluatedAt = now;
        if (!step.changed()) {
            return Optional.empty();
        }

        AlertTransition t = new AlertTransition();
        t.id = UUID.randomUUID();
        t.ruleId = rule.id;
        t.subscriberId = rule.subscriberId;
        t.seq = state.transitionCount + 1;
        t.kind = step.kind();
        t.fromState = state.state;
        t.toState = step.state();
        t.value = value;
        t.threshold = step.kind() == TransitionKind.RESOLVED && rule.recoveryThreshold != null
                ? rule.recoveryThreshold : rule.threshold;
        t.occurredAt = now;

        if (state.state != step.state()) {
            state.stateSince = now;
        }
        state.state = step.state();
        state.pendingSince = step.pendingSince();
        state.lastNotifiedAt = step.lastNotifiedAt();
        state.transitionCount = t.seq;

        AlertNotification notification = null;
        int deliveries = 0;
        if (step.kind().notifies()) {
            Optional<Silence> silence = Silence.<Silence>list("owner = ?1 and startsAt <= ?2 and endsAt > ?2", rule.owner, now)
                    .stream().filter(s -> s.scope().mutes(rule.id, rule.subscriberId, rule.labels, now)).findFirst();
            if (silence.isPresent()) {
                t.silencedBy = silence.get().id;
            } else {
                notification = notification(rule, t);
                Subscriber subscriber = Subscriber.findById(rule.subscriberId);
                if (subscriber != null && subscriber.webhookActive()) {
                    outbox(subscriber, t, notification, now);
                    deliveries = 1;
                }
            }
        }
        t.persist();
        committed.fire(new TransitionCommitted(rule.id, rule.subscriberId, t.kind, notification, deliveries));
        return Optional.of(t.kind);
    }

    private void outbox(Subscriber subscriber, AlertTransition t, AlertNotification notification, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.subscriberId = subscriber.id;
        d.ruleId = t.ruleId;
        d.transitionId = t.id;
        d.eventType = notification.type();
        try {
            d.payload = Json.mapper().writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
        d.traceparent = TraceParent.current(); // the webhook call joins the trace of the change
        d.status = DeliveryStatus.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.persist();
    }

    private AlertNotification notification(AlertRule rule, AlertTransition t) {
        String base = config.publicBaseUrl();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("rule", base + "/rules/" + rule.id);
        links.put("state", base + "/rules/" + rule.id + "/state");
        links.put("figures", base + "/metrics/figures?kind=" + rule.subjectKind + "&key="
                + URLEncoder.encode(rule.subjectKey, StandardCharsets.UTF_8) + "&window="
                + URLEncoder.encode(rule.windowSpec, StandardCharsets.UTF_8));
        var data = new AlertNotification.Data(
                new AlertNotification.Rule(rule.id, rule.name, rule.metric.apiName(), rule.condition.name(), rule.labels),
                new AlertNotification.Subject(rule.subjectKind.name(), rule.subjectKey),
                rule.windowSpec, t.value, rule.threshold, rule.recoveryThreshold,
                new AlertNotification.Transition(t.kind.name(), t.fromState.name(), t.toState.name(), t.occurredAt, t.seq),
                links);
        return AlertNotification.of(t.id, t.kind.eventType(), t.occurredAt, rule.id, data);
    }

}
