package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.FiguresSource;
import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.CompareSpec;
import io.nanopulse.alerts.domain.FigureQuery;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleDraft;
import io.nanopulse.alerts.domain.RuleEvaluation;
import io.nanopulse.alerts.domain.RuleHistory;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.RuleValidator;
import io.nanopulse.alerts.domain.RuleWithState;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rules of an owner, of every kind. A saved rule is evaluated at once against current values, after its
 * transaction commits and off the caller's thread. A rule watches only groups metrics-service shares with
 * alerts-service (a private group is unknown to it): a group it does not know is refused at save.
 */
@ApplicationScoped
public class ManageRules {
    private static final Logger LOG = Logger.getLogger(ManageRules.class);

    @Inject
    RuleStore rules;

    @Inject
    SubscriberStore subscribers;

    @Inject
    TransitionStore transitions;

    @Inject
    EvaluateChanges evaluator;

    @Inject
    FiguresSource metrics;

    public RuleWithState create(String owner, UUID subscriberId, RuleDraft draft) {
        requireSharedGroups(draft);
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
        requireSharedGroups(draft);
        RuleWithState updated = QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = owned(owner, id);
            // Lock the state row: an evaluation in flight either finishes first or sees the new revision.
            RuleState s = rules.lockState(id).orElse(null);
            AlertRule revised = r.revised(subscriberId, checked(owner, subscriberId, draft), Instant.now());
            rules.update(revised);
            if (s != null && s.reference() != null && !RuleEvaluation.keepsReference(r.definition(), revised.definition())) {
                s = s.withReference(null); // a new ranking: its first evaluation takes the leader to watch
                rules.saveState(s);
            }
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

    /**
     * A 400 naming {@code subject.key} / {@code other.key} when the rule watches a group metrics-service does not
     * know or does not share (it answers 404 for both); a 503 when metrics-service cannot be asked. Checked before
     * the transaction, outside it; an otherwise invalid draft is left to {@link #checked}.
     */
    private void requireSharedGroups(RuleDraft draft) {
        if (draft == null || !(RuleValidator.validate(draft) instanceof RuleValidator.Valid valid)) {
            return;
        }
        RuleDefinition d = valid.rule();
        List<FieldError> errors = new ArrayList<>();
        requireSharedGroup("subject.key", d.subject(), d.window(), errors);
        if (d.spec() instanceof CompareSpec c) {
            requireSharedGroup("other.key", c.other(), d.window(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    private void requireSharedGroup(String field, SubjectKey subject, String window, List<FieldError> errors) {
        if (subject == null || subject.kind() != SubjectKind.GROUP) {
            return;
        }
        try {
            metrics.fetch(List.of(new FigureQuery(subject, window, LocalDate.now(ZoneOffset.UTC))));
        } catch (FiguresSource.QueryRejected e) {
            errors.add(new FieldError(field, "no shared group '" + subject.key() + "'"));
        } catch (RuntimeException e) {
            LOG.warnf("rule save: metrics-service could not be asked about group %s: %s", subject.key(), e.toString());
            throw new ProblemException(Problem.unavailable("metrics", "metrics-service is unavailable; try again shortly"));
        }
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
