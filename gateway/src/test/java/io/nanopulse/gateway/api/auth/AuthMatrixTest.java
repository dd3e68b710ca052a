package io.nanopulse.gateway.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document × role: 401 (problem+json, WWW-Authenticate) without a key and
 * with an unknown key, 403 with a key holding every role but the admitted ones, and not 401/403 with an
 * admitted role. The operations are discovered from the document, and the document is checked to list
 * every JAX-RS resource method of the gateway, so a new endpoint cannot be left out. The one operation open to
 * all ({@link #OPEN}) is let through without a key and with any role, and still refuses an unknown key.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class AuthMatrixTest {
    /** {@code open}: an operation open to all ({@code security: []}): its body carries its credential. */
    record Op(String method, String path, Set<String> roles, boolean hasBody, String contentType, boolean open) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11");
        }
    }

    /** The one operation open to all: confirming an e-mail address with the token of its mail. */
    static final String OPEN = "POST /api/v1/email-confirmations";
    /** The HTML pages: public and not part of the API document. */
    static final Set<String> PAGES = Set.of("GET /", "GET /explorer", "GET /rules", "GET /confirm-email");
    static List<Op> ops;

    @BeforeEach
    void discover() throws Exception {
        if (ops != null) {
            return;
        }
        JsonNode doc = new ObjectMapper().readTree(RestAssured.given().accept("application/json")
                .get("/q/openapi?format=json").asString());
        ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            var p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                var m = methods.next();
                if (!Set.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                JsonNode security = m.getValue().get("security");
                if (security != null) {
                    security.forEach(req -> req.fields().forEachRemaining(s -> s.getValue().forEach(r -> roles.add(r.asText()))));
                }
                JsonNode body = m.getValue().get("requestBody");
                String ct = body == null ? null : body.get("content").fieldNames().next();
                boolean open = security != null && security.isEmpty();
                ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), roles, body != null, ct, open));
            }
        }
    }

    @Test
    void theDocumentListsEveryResourceMethodAndEachDeclaresRoles() throws Exception {
        Set<String> documented = new HashSet<>();
        for (Op op : ops) {
            documented.add(op.method() + " " + op.path());
        }
        Set<String> declared = resourceMethods();
        // The pages (dashboard, explorer, rules, e-mail confirmation): public, hidden from the API document. Any other
        // method outside the document stays in `declared` and fails the comparison.
        assertTrue(declared.containsAll(PAGES), "the pages " + PAGES + " among " + declared);
        declared.removeAll(PAGES);
        assertEquals(declared, documented, "OpenAPI operations vs JAX-RS resource methods");
        for (Op op : ops) {
            assertTrue(op.path().startsWith("/api/v1/"), op + " is outside /api/v1");
            if (op.open()) {
                assertEquals(OPEN, op.method() + " " + op.path(), op + " is open to all");
                continue;
            }
            assertFalse(op.roles().isEmpty(), op + " declares no role");
            assertTrue(Roles.ALL.containsAll(op.roles()), op + " names an unknown role");
        }
        assertTrue(ops.size() >= 35, "expected the whole API, found " + ops.size() + " operations");
    }

    @Test
    void withoutAKeyEveryOperationAnswers401() {
        for (Op op : ops) {
            Response r = send(RestAssured.given(), op);
            if (op.open()) {
                assertFalse(r.statusCode() == 401 || r.statusCode() == 403, op + " without a key gave " + r.statusCode());
                continue;
            }
            assertEquals(401, r.statusCode(), op + " without a key");
            assertTrue(r.contentType().startsWith("application/problem+json"), op + ": " + r.contentType());
            assertEquals("Bearer realm=\"nanopulse\"", r.header("WWW-Authenticate"), op + " challenge");
            assertEquals(401, r.jsonPath().getInt("status"));
        }
    }

    @Test
    void withAnUnknownOrMalformedKeyEveryOperationAnswers401() {
        String unknown = "np_" + "x".repeat(43);
        for (Op op : ops) {
            assertEquals(401, send(RestAssured.given().header("Authorization", "Bearer " + unknown), op).statusCode(), op + " unknown key");
            Response malformed = send(RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz"), op);
            assertEquals(401, malformed.statusCode(), op + " other scheme");
            assertTrue(malformed.contentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void withoutAnAdmittedRoleEveryOperationAnswers403AndWithOneItIsLetThrough() {
        Map<Set<String>, String> keys = new java.util.HashMap<>();
        for (Op op : ops) {
            if (op.open()) {
                for (String role : Roles.ALL) {
                    String any = keys.computeIfAbsent(Set.of(role), rs -> TestKeys.withRoles(role));
                    int status = send(RestAssured.given().header("Authorization", TestKeys.bearer(any)), op).statusCode();
                    assertFalse(status == 401 || status == 403, op + " with role " + role + " gave " + status);
                }
                continue;
            }
            Set<String> others = new LinkedHashSet<>(Roles.ALL);
            others.removeAll(op.roles());
            assertFalse(others.isEmpty(), op + " admits every role");
            String wrong = keys.computeIfAbsent(others, rs -> TestKeys.withRoles(rs.toArray(String[]::new)));
            Response denied = send(RestAssured.given().header("Authorization", TestKeys.bearer(wrong)), op);
            assertEquals(403, denied.statusCode(), op + " with roles " + others);
            assertTrue(denied.contentType().startsWith("application/problem+json"), op + ": " + denied.contentType());
            assertEquals(403, denied.jsonPath().getInt("status"));

            for (String role : op.roles()) {
                String right = keys.computeIfAbsent(Set.of(role), rs -> TestKeys.withRoles(role));
                int status = send(RestAssured.given().header("Authorization", TestKeys.bearer(right)), op).statusCode();
                assertFalse(status == 401 || status == 403, op + " with role " + role + " gave " + status);
            }
        }
    }

    private static Response send(RequestSpecification spec, Op op) {
        if (op.hasBody()) {
            String ct = op.contentType();
            spec = spec.contentType(ct).body(ct.contains("json") && !ct.contains("ndjson") ? "{}" : "x\n");
        }
        if (op.path().endsWith("/stream")) {
            spec = spec.accept("text/event-stream");
        }
        return spec.request(op.method(), op.concretePath());
    }

    /** "METHOD /path" of every JAX-RS resource method in io.nanopulse.gateway (read from the compiled classes). */
    private static Set<String> resourceMethods() throws URISyntaxException, ClassNotFoundException {
        Set<String> out = new TreeSet<>();
        File root = new File(AuthMatrixTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toPath().resolveSibling("classes").toFile();
        List<File> files = new ArrayList<>();
        collect(new File(root, "io/nanopulse/gateway"), files);
        for (File f : files) {
            String name = root.toPath().relativize(f.toPath()).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
            Class<?> c = Class.forName(name, false, AuthMatrixTest.class.getClassLoader());
            jakarta.ws.rs.Path base = c.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                out.add(verb + " " + path);
            }
        }
        return out;
    }

    private static void collect(File dir, List<File> out) {
        File[] children = dir.listFiles();
        if (children == null) {
            return;
        }
        for (File f : children) {
            if (f.isDirectory()) {
                collect(f, out);
            } else if (f.getName().endsWith(".class") && !f.getName().contains("$")) {
                out.add(f);
            }
        }
    }
}
