package io.nanopulse.alerts.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Mute a rule, a subscriber and/or rules carrying all given labels, until {@code endsAt}. */
public record SilenceRequest(UUID ruleId, UUID subscriberId, Map<String, String> matchers, Instant startsAt,
                             Instant endsAt, String comment) {
}
