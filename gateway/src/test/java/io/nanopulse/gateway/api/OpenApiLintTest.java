package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The served OpenAPI document passes @redocly/cli lint (recommended rules) with no error. The CLI is the
 * version pinned in tools/openapi-lint, installed by the build (npm ci) when missing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class OpenApiLintTest {

    @Test
    void theDocumentPassesRedoclyLint() throws Exception {
        Path cli = Path.of("tools", "openapi-lint", "node_modules", ".bin", "redocly");
        if (!Files.isExecutable(cli)) {
            fail("redocly is not installed at " + cli.toAbsolutePath() + ": run 'npm ci' in gateway/tools/openapi-lint (needs node and npm)");
        }
        String yaml = RestAssured.given().get("/q/openapi").asString();
        Path doc = Path.of("target", "openapi.yaml");
        Files.writeString(doc, yaml, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(cli.toString(), "lint", "--format=stylish", doc.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Files.writeString(Path.of("target", "openapi-lint.txt"), output, StandardCharsets.UTF_8);
        assertEquals(0, exit, "redocly lint found errors:\n" + output);
        assertTrue(output.contains("Woohoo") || output.contains("valid"), output);
    }

    /** YAML 1.1 readers (PyYAML, SnakeYAML, js-yaml) must read the served YAML as the JSON form: no string becomes a timestamp. */
    @Test
    void theYamlDocumentReadsAsItsJsonForm() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = mapper.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        var response = RestAssured.given().get("/q/openapi");
        assertTrue(response.contentType().startsWith("application/yaml"), response.contentType());
        Object yaml = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .load(response.asString());
        java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> sameValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertTrue(json.equals(sameValue, mapper.valueToTree(yaml)), "a YAML 1.1 reader reads the YAML document differently");
        assertTrue(response.asString().contains("\"2099-01-08T00:00:00Z\""), "instants are quoted in the YAML form");
    }

    @Test
    void everyOperationHasItsErrorsAndTheBearerScheme() {
        var doc = RestAssured.given().accept("application/json").get("/q/openapi?format=json").jsonPath();
        assertEquals("bearer", doc.getString("components.securitySchemes.apiKey.scheme"));
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> responses = (java.util.Map<String, Object>) op.getValue().get("responses");
                for (String code : List.of("401", "403", "429", "500")) {
                    assertTrue(responses.containsKey(code) || code.equals("403") && open(op.getValue()),
                            op.getKey() + " " + path.getKey() + " lacks " + code);
                }
                if (open(op.getValue())) {
                    assertTrue(!responses.containsKey("403"), path.getKey() + " is open to all: no 403");
                }
                assertTrue(op.getValue().containsKey("operationId") && op.getValue().containsKey("summary"), path.getKey());
            }
        }
        assertTrue(operations >= 35, "operations: " + operations);
    }

    /** An operation open to all: {@code security: []}. */
    private static boolean open(java.util.Map<String, Object> operation) {
        return operation.get("security") instanceof List<?> security && security.isEmpty();
    }

    @Test
    void theDocumentedProblemIsContractsProblemMemberForMember() {
        var doc = RestAssured.given().accept("application/json").get("/q/openapi?format=json").jsonPath();
        for (Class<?> type : List.of(io.nanopulse.contracts.problem.Problem.class, io.nanopulse.contracts.FieldError.class)) {
            java.util.Map<String, Object> documented = doc.getMap("components.schemas." + type.getSimpleName() + ".properties");
            var members = java.util.Arrays.stream(type.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());
            assertEquals(members, documented.keySet(), type.getSimpleName() + " as documented vs as sent");
        }
    }
}
