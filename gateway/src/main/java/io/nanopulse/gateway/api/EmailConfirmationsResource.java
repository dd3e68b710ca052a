package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.EmailConfirmation;
import io.nanopulse.contracts.api.alerts.EmailConfirmationRequest;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * Confirms a subscriber's e-mail address with the token of its confirmation mail (→ alerts-service). Open to
 * all: the token is the credential, so the call goes to alerts-service for nobody ({@link Forwarder#sendAnonymously})
 * and, without a key, spends the client address's budget for requests without a valid key. A key that is sent
 * must be valid (401 otherwise), as everywhere, and spends its own budget.
 */
@Path("/api/v1/email-confirmations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@PermitAll
public class EmailConfirmationsResource {
    /** Stands for the token of the confirmation mail (the link's {@code #token=}). */
    static final String TOKEN_EXAMPLE = "q3mV0bq1yq1Jx9cZP6h0m3Lz2Y8sKj4nR7tWv5uXa1E";

    private final Forwarder forwarder;
    private final SecurityIdentity identity;

    public EmailConfirmationsResource(Forwarder forwarder, SecurityIdentity identity) {
        this.forwarder = forwarder;
        this.identity = identity;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "confirmEmail", summary = "Confirm an e-mail address",
            description = "No API key needed: the token of the confirmation mail is the credential (the mail's link opens the page "
                    + "/confirm-email, which sends it here). Alerts are mailed to an address only once it is confirmed. "
                    + "A token confirms once and expires; an unknown, used or expired token is answered 404.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EmailConfirmationRequest.class),
            examples = @ExampleObject(name = "the token of the mail", value = "{\"token\":\"" + TOKEN_EXAMPLE + "\"}")))
    @APIResponse(responseCode = "200", description = "Confirmed: the subscriber and its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmailConfirmation.class)))
    @APIResponse(responseCode = "404", description = "The token is unknown, used or expired.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "unknown-token", summary = "Unknown, used or expired token",
                            value = "{\"type\":\"https://nanopulse.io/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                                    + "\"detail\":\"token: no pending confirmation has this token (unknown, used or expired)\"}")))
    public Uni<Response> confirm(@Parameter(hidden = true) InputStream body) {
        // Authentication is lazy: asking for the identity checks a key that was sent (AuthenticationFailedException: 401).
        identity.isAnonymous();
        return forwarder.sendAnonymously(Service.ALERTS, Verb.POST, Query.path("/email-confirmations"), body);
    }
}
