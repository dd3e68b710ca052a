package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.AlertTransition;

import java.util.List;
import java.util.UUID;

/** The recorded transitions of rules; every method runs in the caller's transaction. */
public interface TransitionStore {

    /** Records a transition; (rule, seq) is unique, so a step can never be recorded twice. */
    void record(AlertTransition transition);

    /** The latest {@code limit} transitions of a rule, newest first. */
    List<AlertTransition> recent(UUID ruleId, int limit);
}
