package io.nanopulse.gateway.rest;

import io.nanopulse.gateway.auth.ApiKeys;
import io.nanopulse.gateway.auth.Roles;
import io.nanopulse.gateway.persistence.ApiKeyEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** API key administration: create (the key is shown once), list (never a secret), revoke. */
@Path("/api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class ApiKeysResource {

    @Schema(name = "NewApiKey", description = "A key to create. Keys of one principal share its alert subscribers and rules.")
    public record NewApiKey(
            @Schema(examples = "team-analytics", required = true, maxLength = 100)
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may contain only A-Z a-z 0-9 . _ @ -") String principal,
            @Schema(examples = "[\"read\"]", required = true)
            @NotNull(message = "is required") @NotEmpty(message = "must name at least one role")
            List<@NotNull @Pattern(regexp = "ingest|read|alerts|admin", message = "must be ingest, read, alerts or admin") String> roles,
            @Schema(examples = "dashboard of the analytics team", maxLength = 200)
            @Size(max = 200, message = "must be at most 200 characters") String description) {
    }

    @Schema(name = "ApiKey", description = "A key as listed: never the key itself, only its prefix.")
    public record ApiKeyView(@Schema(examples = "51") long id, @Schema(examples = "np_Q2x9fA3b") String prefix,
                             @Schema(examples = "team-analytics") String principal,
                             @Schema(examples = "[\"read\"]") Set<String> roles, String description,
                             OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime revokedAt) {
        static ApiKeyView of(ApiKeyEntity e) {
            return new ApiKeyView(e.id, e.prefix, e.principal, e.roleSet(), e.description, e.createdAt, e.revokedAt);
        }
    }

    @Schema(name = "IssuedApiKey", description = "A key just created. `key` is shown this once: store it now.")
    public record IssuedApiKey(@Schema(examples = "np_Q2x9fA3bR7tLmK1vWcZ8yHn0pE5sDg4uJi6oXqB2aVf") String key, ApiKeyView apiKey) {
    }

    @Schema(name = "ApiKeyPage", description = "One page of keys; page counts from 0.")
    public record ApiKeyPage(List<ApiKeyView> items, @Schema(examples = "0") int page, @Schema(examples = "50") int size,
                             @Schema(examples = "3") long totalItems) {
    }

    private final ApiKeys keys;

    public ApiKeysResource(ApiKeys keys) {
        this.keys = keys;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "The answer is the only place the key ever appears; only its SHA-256 hash is stored.")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewApiKey body) {
        var issued = keys.create(body.principal(), new LinkedHashSet<>(body.roles()), body.description());
        return Response.created(URI.create("/api/v1/admin/keys/" + issued.entity().id))
                .entity(new IssuedApiKey(issued.key(), ApiKeyView.of(issued.entity())))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Transactional
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Oldest first; without secrets.")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyPage.class)))
    public ApiKeyPage list(
            @Parameter(description = "Include revoked keys.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new InvalidRequestException("size", "must be within 1..200");
        }
        return new ApiKeyPage(keys.page(page, size, includeRevoked).stream().map(ApiKeyView::of).toList(), page, size,
                keys.count(includeRevoked));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Effective at once on this gateway instance and within nanopulse.gateway.auth.cache-ttl (default 10 s) on others. The last active admin key cannot be revoked.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response revoke(@Parameter(description = "Key id.", example = "51") @PathParam("id") String id) {
        long keyId;
        try {
            keyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("id", "must be a key id (a number)");
        }
        keys.revoke(keyId);
        return Response.noContent().build();
    }
}
