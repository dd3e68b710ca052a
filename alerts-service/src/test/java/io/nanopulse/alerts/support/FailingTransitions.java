package io.nanopulse.alerts.support;

import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.domain.AlertTransition;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Makes recording a transition of the {@linkplain #failFor armed} rules throw; the store as is for every other rule. */
@Decorator
@Priority(10)
public class FailingTransitions implements TransitionStore {
    private static final Set<UUID> ARMED = ConcurrentHashMap.newKeySet();

    @Inject
    @Delegate
    TransitionStore store;

    /** From now on recording a transition of {@code ruleId} throws, until {@link #reset()}. */
    public static void failFor(UUID ruleId) {
        ARMED.add(ruleId);
    }

    public static void reset() {
        ARMED.clear();
    }

    @Override
    public void record(AlertTransition transition, String notification) {
        if (ARMED.contains(transition.ruleId())) {
            throw new IllegalStateException("recording a transition of rule " + transition.ruleId() + " fails (test)");
        }
        store.record(transition, notification);
    }

    @Override
    public List<AlertTransition> recent(UUID ruleId, int limit) {
        return store.recent(ruleId, limit);
    }
}
