package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A silence as a client sent it: unchecked. */
public record SilenceDraft(UUID ruleId, UUID subscriberId, Map<String, String> matchers, Instant startsAt,
                           Instant endsAt, String comment) {
}
