package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.RuleReading;

import java.util.Optional;
import java.util.UUID;

/** The counts each rule's last evaluation read, kept for the next one's explanation; called under the rule's state lock. */
public interface ReadingStore {
    Optional<RuleReading> last(UUID ruleId);

    /** Replaces the rule's kept reading. */
    void save(UUID ruleId, RuleReading reading);
}
