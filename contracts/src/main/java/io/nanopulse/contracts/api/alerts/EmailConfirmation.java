package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A confirmed e-mail address: alerts of the subscriber are mailed to it from now on. */
@Schema(name = "EmailConfirmation", description = "A confirmed e-mail address of a subscriber.")
public record EmailConfirmation(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11") UUID subscriberId,
                                @Schema(examples = "analyst@example.org") String email,
                                Instant confirmedAt) {
}
