package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A silence; {@code active} tells whether it is in force now. */
@Schema(name = "Silence", description = "A silence.")
public record Silence(UUID id, UUID ruleId, UUID subscriberId, Map<String, String> matchers, Instant startsAt,
                      Instant endsAt, String comment, boolean active, Instant createdAt) {
}
