package io.nanopulse.contracts.api.alerts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nanopulse.contracts.api.Dates;
import io.nanopulse.contracts.api.StrictInstantDeserializer;
import io.nanopulse.contracts.api.StrictUuidDeserializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Mute a rule, a subscriber and/or the rules carrying all given labels, until {@code endsAt}. */
@Schema(name = "SilenceRequest", description = "Mute a rule, a subscriber and/or rules with all given labels until endsAt.")
public record SilenceRequest(@JsonDeserialize(using = StrictUuidDeserializer.class) UUID ruleId,
                             @JsonDeserialize(using = StrictUuidDeserializer.class) UUID subscriberId, Map<String, String> matchers,
                             @Schema(examples = "2099-01-01T00:00:00Z", description = "Default now; an instant " + Dates.RANGE)
                             @JsonDeserialize(using = StrictInstantDeserializer.class) Instant startsAt,
                             @Schema(required = true, examples = "2099-01-08T00:00:00Z",
                                     description = "An instant in the future, after startsAt and at most 366 days after it "
                                             + "(a silence lasts at most 366 days; startsAt defaults to now)")
                             @JsonDeserialize(using = StrictInstantDeserializer.class) Instant endsAt,
                             @Schema(maxLength = 500) String comment) {
}
