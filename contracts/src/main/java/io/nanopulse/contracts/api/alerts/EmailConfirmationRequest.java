package io.nanopulse.contracts.api.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token of a confirmation link (the {@code token} parameter of {@code /confirm-email?token=...}). */
@Schema(name = "EmailConfirmationRequest", description = "Confirms an e-mail address with the token its confirmation link carries.")
public record EmailConfirmationRequest(
        @Schema(examples = "q3mV0bq1yq1Jx9cZP6h0m3Lz2Y8sKj4nR7tWv5uXa1E", required = true, maxLength = 128)
        @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String token) {

    /** Never print the token. */
    @Override
    public String toString() {
        return "EmailConfirmationRequest[token=***]";
    }
}
