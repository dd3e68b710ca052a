package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.AlertTransition;

import java.util.List;
import java.util.UUID;

/** The recorded transitions of rules; every method runs in the caller's transaction. */
public interface TransitionStore {

    /** Records a transition that announces nothing; (rule, seq) is unique, so a step can never be recorded twice. */
    default void record(AlertTransition transition) {
        record(transition, null);
    }

    /**
     * Records a transition with the notification it announces (CloudEvent JSON, null for none). An announced
     * transition reaches the live streams of every instance once the caller's transaction commits.
     */
    void record(AlertTransition transition, String notification);

    /** The latest {@code limit} transitions of a rule, newest first. */
    List<AlertTransition> recent(UUID ruleId, int limit);
}
