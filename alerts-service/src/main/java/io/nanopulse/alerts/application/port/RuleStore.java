package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.domain.RuleWithState;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rules and their durable state rows; every method runs in the caller's transaction. */
public interface RuleStore {

    void insert(AlertRule rule, RuleState initialState);

    /** Stores the new revision of a rule read in the same transaction. */
    void update(AlertRule rule);

    Optional<AlertRule> find(UUID id);

    Optional<AlertRule> findOwned(UUID id, String owner);

    /** The owner's rules (of one subscriber when {@code subscriberId} is given), oldest first, with their states. */
    Page<RuleWithState> page(String owner, UUID subscriberId, int page, int size);

    /** Deletes the rule with its state and transitions. */
    void delete(UUID id);

    Optional<RuleState> state(UUID ruleId);

    /** Reads and locks the state row (SELECT ... FOR UPDATE): evaluations and edits of one rule take turns. */
    Optional<RuleState> lockState(UUID ruleId);

    /** Stores the new state of a row locked in the same transaction. */
    void saveState(RuleState state);

    /**
     * The rules on any of the subject refs ({@code KIND:key}), every RANK and COMPARE rule and every rule on a GROUP
     * (a change never names what those depend on); when {@code globalChanged}, also every share rule and every
     * GLOBAL rule. Ordered by id.
     */
    List<RuleTarget> targetsAffectedBy(String[] subjectRefs, boolean globalChanged);

    /** At most {@code limit} rules with an id above {@code after} (from the first when null), ordered by id. */
    List<RuleTarget> targetsAfter(UUID after, int limit);

    Optional<RuleTarget> target(UUID ruleId);
}
