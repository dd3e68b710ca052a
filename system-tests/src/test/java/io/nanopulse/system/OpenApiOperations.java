package io.nanopulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3 document: method, path template, parameters, request bodies and roles. */
final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A path or query parameter, with its (resolved) schema and documented example, if any. */
    record Param(String name, String in, JsonNode schema, String example) {
        String type() {
            return schema.path("type").asText("string");
        }

        boolean hasEnum() {
            return schema.has("enum");
        }

        Long minimum() {
            return schema.has("minimum") ? schema.get("minimum").asLong() : null;
        }

        Long maximum() {
            return schema.has("maximum") ? schema.get("maximum").asLong() : null;
        }
    }

    /**
     * One operation; {@code bodies} maps each request content type to its resolved schema, {@code produces} lists
     * the content types of its 2xx answers.
     */
    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies, List<String> produces,
                     List<String> roles) {
        String id() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return !bodies.isEmpty();
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> parse(JsonNode doc) {
        var out = new ArrayList<Operation>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode o = op.getValue();
            var params = new ArrayList<Param>();
            for (JsonNode p : path.getValue().path("parameters")) {
                params.add(param(doc, p));
            }
            for (JsonNode p : o.path("parameters")) {
                params.add(param(doc, p));
            }
            var bodies = new LinkedHashMap<String, JsonNode>();
            resolve(doc, o.path("requestBody")).path("content").fields()
                    .forEachRemaining(c -> bodies.put(c.getKey(), resolve(doc, c.getValue().path("schema"))));
            var produces = new ArrayList<String>();
            o.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2")) {
                    resolve(doc, r.getValue()).path("content").fieldNames().forEachRemaining(t -> {
                        if (!produces.contains(t)) produces.add(t);
                    });
                }
            });
            var roles = new ArrayList<String>();
            for (JsonNode requirement : o.path("security")) {
                requirement.fields().forEachRemaining(s -> s.getValue().forEach(r -> roles.add(r.asText())));
            }
            out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params), bodies,
                    List.copyOf(produces), List.copyOf(roles)));
        }));
        return out;
    }

    private static Param param(JsonNode doc, JsonNode p) {
        JsonNode resolved = resolve(doc, p);
        JsonNode example = resolved.get("example");
        return new Param(resolved.path("name").asText(), resolved.path("in").asText(), resolve(doc, resolved.path("schema")),
                example == null || example.isNull() ? null : example.asText());
    }

    /** Follows a local {@code $ref} (#/components/...); other nodes are returned as they are. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = doc.at(ref.substring(1));
        }
        return current;
    }

    static JsonNode read(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }
}
