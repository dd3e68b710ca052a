package io.nanopulse.gateway.api;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the document: the bearer security scheme, and the error responses every operation can give
 * (all problem+json, with examples) so that no operation documents only its happy path. Each documented
 * error of each operation is provoked by a test (ErrorResponsesTest).
 */
public class OpenApiFilter implements OASFilter {
    private static final String FIELD_ERROR = FieldError.class.getSimpleName();

    private record Standard(String code, String name, ProblemType type, String detail) {
        String title() {
            return type.title();
        }

        String slug() {
            return type.uri().substring(ProblemType.BASE.length());
        }
    }

    private static final List<Standard> STANDARD = List.of(
            new Standard("400", "BadRequest", ProblemType.INVALID_REQUEST, "size: must be within 1..200"),
            new Standard("401", "Unauthorized", ProblemType.UNAUTHENTICATED, "a valid API key is required: Authorization: Bearer np_..."),
            new Standard("403", "Forbidden", ProblemType.FORBIDDEN, "this API key does not hold a role this operation requires"),
            new Standard("404", "NotFound", ProblemType.NOT_FOUND, "subscriber 0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11 not found"),
            new Standard("409", "Conflict", ProblemType.CONFLICT, "the request conflicts with the current state"),
            new Standard("413", "PayloadTooLarge", ProblemType.BODY_TOO_LARGE, "the request body is larger than 1048576 bytes"),
            new Standard("415", "UnsupportedMediaType", ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "charset 'utf-16' is not supported; request bodies are UTF-8"),
            new Standard("429", "TooManyRequests", ProblemType.RATE_LIMITED, "this API key may make 50 requests per second; retry after 1 s"),
            new Standard("500", "InternalError", ProblemType.INTERNAL, "unexpected failure; incident 1d0c8a9e-5b7f-4c3a-9e2d-6f1b0a7c8d9e"),
            new Standard("503", "ServiceUnavailable", ProblemType.SERVICE_UNAVAILABLE, "metrics-service is unavailable (connection refused); try again shortly"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("np_ API key")
                .description("An API key: Authorization: Bearer np_... Create keys with POST /api/v1/admin/keys; "
                        + "the first admin key comes from nanopulse.gateway.bootstrap-admin-key."));
        components.addSchema("Problem", problemSchema(components));
        openAPI.setTags(List.of(
                tag("Figures", "Exact shares, figures, rankings, licensing rates and time series (role read)."),
                tag("Institutions", "Canonical institutions and aliases (read; changes need admin)."),
                tag("Groups", "Named sets of countries or institutions, subjects of kind GROUP, visible to their owner, to admins and, if shared, to everyone (read; your own with alerts, shared ones with admin)."),
                tag("Ingest", "Patent events and CSV imports, streamed to ingest-service (role ingest)."),
                tag("Alerts", "Your subscribers, rules, silences, deliveries and live stream (role alerts; you see only your own)."),
                tag("Administration", "API keys and aggregate rebuilds (role admin)."),
                tag("Operations", "Platform status for operators (role read or admin).")));
        for (Standard s : STANDARD) {
            components.addResponse(s.name(), response(s));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (var pathEntry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = pathEntry.getKey();
            for (Map.Entry<PathItem.HttpMethod, Operation> op : pathEntry.getValue().getOperations().entrySet()) {
                complete(path, op.getKey(), op.getValue());
            }
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation op) {
        if (!path.startsWith("/api/")) {
            return;
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        Map<String, String> add = new LinkedHashMap<>();
        boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (hasInput) {
            add.put("400", "BadRequest");
        }
        // A malformed or unknown key is refused even where no key is needed.
        add.put("401", "Unauthorized");
        if (!open(op)) {
            add.put("403", "Forbidden");
        }
        if (path.contains("{")) {
            add.put("404", "NotFound");
        }
        if (op.getRequestBody() != null) {
            add.put("413", "PayloadTooLarge");
            // No Content-Type, one the operation does not take, or a charset other than UTF-8.
            add.put("415", "UnsupportedMediaType");
        }
        add.put("429", "TooManyRequests");
        add.put("500", "InternalError");
        // A service out of reach, or (for every operation) the key store while it checks a key.
        add.put("503", "ServiceUnavailable");
        add.forEach((code, name) -> {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing == null || existing.getContent() == null && existing.getRef() == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
            }
        });
    }

    /** An operation open to all ({@code security: []}, from an empty @SecurityRequirements). */
    private static boolean open(Operation op) {
        return op.getSecurity() != null && op.getSecurity().isEmpty();
    }

    private static APIResponse response(Standard s) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", s.type().uri());
        example.put("title", s.title());
        example.put("status", Integer.parseInt(s.code()));
        example.put("detail", s.detail());
        if (s.code().equals("503")) {
            example.put("service", "metrics");
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample(s.slug(), OASFactory.createExample().summary(s.title()).value(example));
        if (s.code().equals("503")) {
            Map<String, Object> keyStore = new LinkedHashMap<>(example);
            keyStore.put("detail", "API keys cannot be checked right now (the key store is unreachable); try again shortly");
            keyStore.put("service", "gateway");
            problem.addExample("key-store-unavailable", OASFactory.createExample()
                    .summary("The gateway's key store is unavailable").value(keyStore));
        }
        if (s.code().equals("429")) {
            Map<String, Object> streams = new LinkedHashMap<>(example);
            streams.put("detail", "this API key already holds 4 open live streams (nanopulse.gateway.streams.max-per-key); close one first");
            problem.addExample("too-many-streams", OASFactory.createExample()
                    .summary("Too many open live streams (streamAlerts)").value(streams));
        }
        APIResponse r = OASFactory.createAPIResponse()
                .description(s.title())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        if (s.code().equals("401")) {
            r.addHeader("WWW-Authenticate", header("The authentication scheme to use.", "Bearer realm=\"nanopulse\""));
        }
        if (s.code().equals("429") || s.code().equals("503")) {
            r.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE))
                    .example(1));
        }
        return r;
    }

    private static org.eclipse.microprofile.openapi.models.tags.Tag tag(String name, String description) {
        return OASFactory.createTag().name(name).description(description);
    }

    /**
     * The members of contracts' {@link Problem} (extension members appear only where they apply); its errors
     * are contracts' FieldError, documented from the record itself.
     */
    private static Schema problemSchema(Components components) {
        Schema fieldError = components.getSchemas() != null && components.getSchemas().containsKey(FIELD_ERROR)
                ? OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("One refused field.")
                .addProperty("field", string("The offending field.", "size"))
                .addProperty("reason", string("Why it is refused.", "must be within 1..200"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("URI identifying the kind of problem.").examples(List.of(ProblemType.UNAUTHENTICATED.uri())))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Short summary of the kind of problem."))
                .addProperty("status", integer("HTTP status code.", 401))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What happened in this case."))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("This occurrence, when the service names it."))
                .addProperty("field", string("The offending field of the request body.", "window"))
                .addProperty("line", integer("The offending line of an NDJSON or CSV body.", 17))
                .addProperty("service", string("The service concerned: the one out of reach (503) or that answered "
                        + "the passed-through error, or gateway for its key store.", "metrics"))
                .addProperty("accepted", integer("Events accepted (durable) before an upload failed.", 998))
                .addProperty("rejected", integer("Events refused before an upload failed.", 1))
                .addProperty("duplicates", integer("Duplicate events before an upload failed.", 1))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .maxItems(Problem.MAX_ERRORS)
                        .description("Offending fields or items and why: the first "
                                + Problem.MAX_ERRORS + " found."))
                .addProperty("errorsTruncated", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)
                        .description("Whether errors lists only the first of them."));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).examples(List.of(example));
    }

    private static Schema integer(String description, long example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description(description).examples(List.of(example));
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example(example);
    }
}
