package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a silence mutes: one rule, every rule of one subscriber, and/or every rule carrying all the
 * given labels, during {@code [startsAt, endsAt)}. Every criterion given must hold (AND); a silence
 * must give at least one.
 */
public record SilenceScope(UUID ruleId, UUID subscriberId, Map<String, String> matchers,
                           Instant startsAt, Instant endsAt) {

    public boolean mutes(UUID ruleId, UUID subscriberId, Map<String, String> labels, Instant at) {
        if (at.isBefore(startsAt) || !at.isBefore(endsAt)) {
            return false;
        }
        if (this.ruleId != null && !this.ruleId.equals(ruleId)) {
            return false;
        }
        if (this.subscriberId != null && !this.subscriberId.equals(subscriberId)) {
            return false;
        }
        if (matchers != null) {
            for (var m : matchers.entrySet()) {
                if (!m.getValue().equals(labels.get(m.getKey()))) {
                    return false;
                }
            }
        }
        return this.ruleId != null || this.subscriberId != null || (matchers != null && !matchers.isEmpty());
    }
}
