package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.application.port.SilenceStore;
import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Silence;
import io.nanopulse.alerts.domain.SilenceDraft;
import io.nanopulse.alerts.domain.SilenceValidator;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Silences of an owner: transitions they cover are recorded (with the silence id) but neither sent nor streamed. */
@ApplicationScoped
public class ManageSilences {

    @Inject
    SilenceStore silences;

    @Inject
    RuleStore rules;

    @Inject
    SubscriberStore subscribers;

    /** A new silence, or a 400 naming every bad field (the rule and subscriber it names must be the owner's). */
    @Transactional
    public Silence create(String owner, SilenceDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.ruleId() != null && rules.findOwned(draft.ruleId(), owner).isEmpty()) {
            errors.add(new FieldError("ruleId", "no such rule"));
        }
        if (draft.subscriberId() != null && subscribers.findOwned(draft.subscriberId(), owner).isEmpty()) {
            errors.add(new FieldError("subscriberId", "no such subscriber"));
        }
        Instant now = Instant.now();
        errors.addAll(SilenceValidator.problems(draft, now));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        Silence s = Silence.create(owner, draft, now);
        silences.insert(s);
        return s;
    }

    /** The owner's silences; with {@code activeOnly}, those in force now. */
    @Transactional
    public Page<Silence> list(String owner, boolean activeOnly, int page, int size) {
        return silences.page(owner, activeOnly ? Instant.now() : null, page, size);
    }

    @Transactional
    public Silence get(String owner, UUID id) {
        return owned(owner, id);
    }

    /** Ends (deletes) a silence; the transitions it muted stay recorded. */
    @Transactional
    public void delete(String owner, UUID id) {
        owned(owner, id);
        silences.delete(id);
    }

    private Silence owned(String owner, UUID id) {
        return silences.findOwned(id, owner).orElseThrow(() -> ProblemException.notFound("silence " + id + " not found"));
    }
}
