package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Mutes notifications of the rules in its scope until it ends; the transitions it mutes are still recorded. */
public record Silence(UUID id, String owner, SilenceScope scope, String comment, Instant createdAt) {

    /** A silence from a draft that {@link SilenceValidator} accepted; it starts now unless the draft says when. */
    public static Silence create(String owner, SilenceDraft d, Instant now) {
        Map<String, String> matchers = d.matchers() == null ? Map.of() : new LinkedHashMap<>(d.matchers());
        Instant starts = d.startsAt() == null ? now : d.startsAt();
        return new Silence(UUID.randomUUID(), owner, new SilenceScope(d.ruleId(), d.subscriberId(), matchers, starts,
                d.endsAt()), d.comment(), now);
    }

    /** Whether the silence is in force at {@code at}. */
    public boolean activeAt(Instant at) {
        return !at.isBefore(scope.startsAt()) && at.isBefore(scope.endsAt());
    }
}
