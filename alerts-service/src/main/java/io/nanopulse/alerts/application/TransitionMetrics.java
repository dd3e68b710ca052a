package io.nanopulse.alerts.application;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Locale;

/** nanopulse.alerts.transitions{to, kind}: committed state machine steps. */
@ApplicationScoped
public class TransitionMetrics {

    @Inject
    MeterRegistry registry;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransitionCommitted e) {
        String to = switch (e.kind()) {
            case PENDING -> "pending";
            case FIRING, REMINDER -> "firing";
            case RESOLVED, CANCELLED -> "ok";
        };
        io.micrometer.core.instrument.Counter.builder("nanopulse.alerts.transitions")
                .description("Alert state transitions committed, by target state, kind and whether a silence muted them")
                .tags("to", to, "kind", e.kind().name().toLowerCase(Locale.ROOT),
                        "silenced", Boolean.toString(e.kind().notifies() && e.notification() == null))
                .register(registry).increment();
    }
}
