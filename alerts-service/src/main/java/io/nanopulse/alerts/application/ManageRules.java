package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleDraft;
import io.nanopulse.alerts.domain.RuleHistory;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.RuleValidator;
import io.nanopulse.alerts.domain.RuleWithState;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Threshold rules of an owner. A saved rule is evaluated at once against current values, after its
 * transaction commits and off the caller's thread.
 */
@ApplicationScoped
public class ManageRules {

    @Inject
    RuleStore rules;

    @Inject
    SubscriberStore subscribers;

    @Inject
    TransitionStore transitions;

    @Inject
    EvaluateChanges evaluator;

    public RuleWithState create(String owner, UUID subscriberId, RuleDraft draft) {
        RuleWithState created = QuarkusTransaction.requiringNew().call(() -> {
            RuleDefinition d = checked(owner, subscriberId, draft);
            Instant now = Instant.now();
            AlertRule r = AlertRule.create(owner, subscriberId, d, now);
            RuleState s = RuleState.initial(r.id(), now);
            rules.insert(r, s);
            return new RuleWithState(r, s);
        });
        evaluator.evaluateSoon(created.rule().id());
        return created;
    }

    /** The owner's rules, of one subscriber when {@code subscriberId} is given. */
    public Page<RuleWithState> list(String owner, UUID subscriberId, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> rules.page(owner, subscriberId, page, size));
    }

    public RuleWithState get(String owner, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = owned(owner, id);
            return new RuleWithState(r, rules.state(id).orElse(null));
        });
    }

    /** Replaces the rule. Its state is kept and re-evaluated under the new definition at once. */
    public RuleWithState update(String owner, UUID id, UUID subscriberId, RuleDraft draft) {
        RuleWithState updated = QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = owned(owner, id);
            // Lock the state row: an evaluation in flight either finishes first or sees the new revision.
            RuleState s = rules.lockState(id).orElse(null);
            AlertRule revised = r.revised(subscriberId, checked(owner, subscriberId, draft), Instant.now());
            rules.update(revised);
            return new RuleWithState(revised, s);
        });
        evaluator.evaluateSoon(id);
        return updated;
    }

    public void delete(String owner, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            owned(owner, id);
            rules.delete(id);
        });
    }

    /** The rule's state and its latest {@code transitions} transitions, newest first. */
    public RuleHistory state(String owner, UUID id, int transitions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(owner, id);
            RuleState s = rules.state(id).orElseThrow(() -> ProblemException.notFound("rule " + id + " not found"));
            List<AlertTransition> recent = transitions == 0 ? List.of() : this.transitions.recent(id, transitions);
            return new RuleHistory(s, recent);
        });
    }

    private AlertRule owned(String owner, UUID id) {
        return rules.findOwned(id, owner).orElseThrow(() -> ProblemException.notFound("rule " + id + " not found"));
    }

    /** The checked definition, or a 400 naming every bad field (the subscriber must be the owner's). */
    private RuleDefinition checked(String owner, UUID subscriberId, RuleDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (subscriberId == null) {
            errors.add(new FieldError("subscriberId", "is required"));
        } else if (subscribers.findOwned(subscriberId, owner).isEmpty()) {
            errors.add(new FieldError("subscriberId", "no such subscriber"));
        }
        RuleValidator.Result result = RuleValidator.validate(draft);
        if (result instanceof RuleValidator.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return ((RuleValidator.Valid) result).rule();
    }
}
