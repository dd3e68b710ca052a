package io.nanopulse.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.QueryParams;
import io.nanopulse.contracts.api.Text;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.gateway.application.ApiKeys;
import io.nanopulse.gateway.application.JsonBodies;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
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
    static final int MAX_PAGE_SIZE = 200;

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
        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id(), k.prefix(), k.principal(), k.roles(), k.description(), k.createdAt(), k.revokedAt());
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
    private final JsonBodies bodies;
    private final ObjectMapper json;
    private final Validator validator;

    public ApiKeysResource(ApiKeys keys, JsonBodies bodies, ObjectMapper json, Validator validator) {
        this.keys = keys;
        this.bodies = bodies;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "The answer is the only place the key ever appears; only its SHA-256 hash is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApiKey.class),
            examples = @ExampleObject(name = "a read key", value = "{\"principal\":\"team-analytics\",\"roles\":[\"read\"],"
                    + "\"description\":\"dashboard of the analytics team\"}")))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response create(@Parameter(hidden = true) InputStream body) throws IOException {
        NewApiKey request = parse(bodies.read(body));
        var issued = keys.create(request.principal(), new LinkedHashSet<>(request.roles()), request.description());
        return Response.created(URI.create("/api/v1/admin/keys/" + issued.apiKey().id()))
                .entity(new IssuedApiKey(issued.key(), ApiKeyView.of(issued.apiKey())))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The body is read bounded (like every JSON body the gateway takes), then bound and validated. */
    private NewApiKey parse(byte[] body) throws IOException {
        NewApiKey request = json.readValue(body, NewApiKey.class);
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        Text.requireClean(request);
        Set<ConstraintViolation<NewApiKey>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Oldest first; without secrets.")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyPage.class)))
    public ApiKeyPage list(
            @Parameter(description = "Include revoked keys.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeRevoked") String includeRevoked,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size, MAX_PAGE_SIZE);
        ApiKeys.Page found = keys.page(p.page(), p.size(), QueryParams.bool("includeRevoked", includeRevoked, false));
        return new ApiKeyPage(found.items().stream().map(ApiKeyView::of).toList(), found.page(), found.size(), found.totalItems());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Effective at once on this gateway instance and within nanopulse.gateway.auth.cache-ttl (default 10 s) on others. The last active admin key cannot be revoked.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response revoke(@Parameter(description = "Key id.", example = "51") @PathParam("id") String id) {
        long keyId;
        try {
            keyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("id", "must be a key id (a number)");
        }
        keys.revoke(keyId);
        return Response.noContent().build();
    }
}
