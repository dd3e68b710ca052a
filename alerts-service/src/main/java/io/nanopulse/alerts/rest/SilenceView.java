package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.persistence.Silence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record SilenceView(UUID id, UUID ruleId, UUID subscriberId, Map<String, String> matchers, Instant startsAt,
                          Instant endsAt, String comment, boolean active, Instant createdAt) {

    static SilenceView of(Silence s) {
        Instant now = Instant.now();
        return new SilenceView(s.id, s.ruleId, s.subscriberId, s.matchers, s.startsAt, s.endsAt, s.comment,
                !now.isBefore(s.startsAt) && now.isBefore(s.endsAt), s.createdAt);
    }
}
