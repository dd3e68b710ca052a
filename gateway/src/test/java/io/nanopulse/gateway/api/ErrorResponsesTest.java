package io.nanopulse.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.gateway.application.ApiKeys;
import io.nanopulse.gateway.application.StatusReport;
import io.nanopulse.gateway.application.StatusReporting;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.persistence.ApiKeyRepository;
import io.nanopulse.gateway.support.FakeService;
import io.nanopulse.gateway.support.TcpProxy;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every documented error response of every operation, provoked. The published OpenAPI document is read, and
 * each (operationId, 4xx/5xx status) it lists has exactly one case below: a concrete request that gets that
 * status as an RFC 9457 problem (application/problem+json, {@code type} under https://nanopulse.io/problems/).
 * Documenting an error without a case fails the build, and so does a case for an error the document does not
 * list.
 *
 * <p>The gateway runs here against stand-ins of its own (so a case can make a service refuse, fail or go
 * down without disturbing the other test classes), a relay in front of PostgreSQL (so a case can take the key
 * store out of reach) and small rate limits. Every case uses fresh keys, so no case spends another's tokens.
 */
@QuarkusTest
@TestProfile(ErrorResponsesTest.OwnStandIns.class)
class ErrorResponsesTest {
    static final String SUBSCRIBER = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11";
    static final String RULE = "6a1f3c9e-2b4d-4e8f-9c1a-7d5e3b2f1a09";
    static final String SILENCE = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    static final String DELIVERY = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    static final String BAD_SEGMENT = "bad*id";
    static final int RATE = 2;
    static final int BURST = 4;
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    /** The gateway under test at its own stand-ins, key-store relay and small buckets. */
    public static class OwnStandIns implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Infra.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String bucket : List.of("default", "roles.read", "roles.ingest", "roles.alerts", "roles.admin")) {
                config.put("nanopulse.gateway.rate-limit." + bucket + ".requests-per-second", String.valueOf(RATE));
                config.put("nanopulse.gateway.rate-limit." + bucket + ".burst", String.valueOf(BURST));
            }
            // The breaker never opens here: a service taken down answers 503 for one case and is back for the next.
            config.put("nanopulse.gateway.downstream.breaker-request-volume", "100000");
            // No broker: the status reports Kafka as unknown, quickly.
            config.put("kafka.bootstrap.servers", "127.0.0.1:1");
            config.put("nanopulse.gateway.kafka.timeout", "200ms");
            return config;
        }
    }

    /** PostgreSQL (database gateway) behind a relay, and a stand-in per service whose answer a case may force. */
    public static class Infra implements QuarkusTestResourceLifecycleManager {
        private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(.*)");
        static final FakeService.Answer OK = FakeService.Answer.json("{}");
        static final Map<Service, FakeService> STAND_INS = new EnumMap<>(Service.class);
        static final Map<Service, FakeService.Answer> FORCED = new ConcurrentHashMap<>();
        static TcpProxy keyStore;

        @Override
        public Map<String, String> start() {
            PostgresTestResource postgres = new PostgresTestResource();
            postgres.init(Map.of("database", "gateway"));
            Map<String, String> config = new HashMap<>(postgres.start());
            Matcher url = JDBC_URL.matcher(config.get("quarkus.datasource.jdbc.url"));
            if (!url.matches()) {
                throw new IllegalStateException("not a PostgreSQL JDBC URL: " + config.get("quarkus.datasource.jdbc.url"));
            }
            keyStore = new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2))).start();
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + keyStore.port() + "/" + url.group(3));
            for (Service s : Service.values()) {
                FakeService standIn = new FakeService().route("/", x -> FORCED.getOrDefault(s, OK));
                standIn.start();
                STAND_INS.put(s, standIn);
                config.put("quarkus.rest-client." + s.id() + ".url", standIn.url());
            }
            return config;
        }

        @Override
        public void stop() {
            STAND_INS.values().forEach(FakeService::stop);
            if (keyStore != null) {
                keyStore.stop();
            }
        }
    }

    /** One operation, with concrete path parameters ({id}, {aliasId}) filled in. */
    record Op(String id, String method, String template, String concreteId, Service service, List<String> roles,
              String contentType, String body) {
        String path() {
            return concreteId == null ? template
                    : template.replace("{id}", concreteId).replace("{name}", concreteId).replace("{aliasId}", "7");
        }

        String pathWithBadSegment() {
            return template.replace("{id}", BAD_SEGMENT).replace("{name}", BAD_SEGMENT).replace("{aliasId}", "7");
        }

        /** An admitted role (any, for an operation open to all). */
        String role() {
            return roles.isEmpty() ? Roles.READ : roles.get(0);
        }
    }

    /** How a case gets its status, and what else the problem must say. */
    record Case(Op op, int status, String how, Function<Op, Response> provoke, String service) {
        @Override
        public String toString() {
            return op.id() + " " + status + " (" + how + ")";
        }
    }

    static final Map<String, Case> CASES = new TreeMap<>();

    static {
        own("listApiKeys", "GET", "/api/v1/admin/keys", null, List.of(Roles.ADMIN), null)
                .with(400, "a page size out of range", op -> send(op, key(op), op.path() + "?size=0", null))
                .keyStoreLost();
        own("createApiKey", "POST", "/api/v1/admin/keys", null, List.of(Roles.ADMIN), JSON,
                "{\"principal\":\"error-responses\",\"roles\":[\"read\"]}")
                .emptyBody().tooLarge().keyStoreLost();
        own("revokeApiKey", "DELETE", "/api/v1/admin/keys/{id}", "999999999999", List.of(Roles.ADMIN), null)
                .with(400, "an id that is not a number", op -> send(op, key(op), "/api/v1/admin/keys/abc", null))
                .with(404, "an unknown key", op -> send(op, key(op)))
                .with(409, "the last active admin key", ErrorResponsesTest::revokeTheLastAdminKey)
                .keyStoreLost();
        own("getStatus", "GET", "/api/v1/status", null, List.of(Roles.READ, Roles.ADMIN), null)
                .with(500, "the status use case fails", ErrorResponsesTest::statusFails);

        forwarded("rebuildAggregates", "POST", "/api/v1/admin/rebuild", Service.METRICS, Roles.ADMIN, null);
        forwarded("retract", "POST", "/api/v1/admin/retractions", Service.INGEST, Roles.ADMIN, JSON).emptyBody().tooLarge();
        // An unknown group is a 404 of every query naming a subject.
        forwarded("getFigures", "GET", "/api/v1/figures?kind=COUNTRY&key=CN", Service.METRICS, Roles.READ, null).refused(400, 404);
        forwarded("getShare", "GET", "/api/v1/shares?kind=COUNTRY&key=CN", Service.METRICS, Roles.READ, null).refused(400, 404);
        forwarded("getFiguresBatch", "POST", "/api/v1/figures/batch", Service.METRICS, Roles.READ, JSON).emptyBody().refused(404)
                .tooLarge();
        forwarded("getGlobal", "GET", "/api/v1/global?window=ALL", Service.METRICS, Roles.READ, null).refused(400);
        forwarded("getRankings", "GET", "/api/v1/rankings?kind=COUNTRY", Service.METRICS, Roles.READ, null).refused(400);
        forwarded("getLicensingRates", "GET", "/api/v1/licensing-rates", Service.METRICS, Roles.READ, null).refused(400);
        forwarded("getTimeSeries", "GET", "/api/v1/timeseries?kind=COUNTRY&key=CN", Service.METRICS, Roles.READ, null).refused(400, 404);
        // Admins, who manage institutions, read them too.
        forwarded("listInstitutions", "GET", "/api/v1/institutions", null, Service.METRICS, List.of(Roles.READ, Roles.ADMIN), null)
                .refused(400);
        forwarded("normaliseInstitutionName", "GET", "/api/v1/institutions/normalise?name=CAS", null, Service.METRICS,
                List.of(Roles.READ, Roles.ADMIN), null).refused(400);
        forwarded("createInstitution", "POST", "/api/v1/institutions", Service.METRICS, Roles.ADMIN, JSON)
                .emptyBody().refused(409).tooLarge();
        forwarded("getInstitution", "GET", "/api/v1/institutions/{id}", "cas", Service.METRICS, List.of(Roles.READ, Roles.ADMIN), null)
                .badSegment().refused(404);
        forwarded("deleteInstitution", "DELETE", "/api/v1/institutions/{id}", "cas", Service.METRICS, Roles.ADMIN, null)
                .badSegment().refused(404);
        forwarded("addInstitutionAlias", "POST", "/api/v1/institutions/{id}/aliases", "cas", Service.METRICS, Roles.ADMIN, JSON)
                .badSegment().refused(404, 409).tooLarge();
        forwarded("removeInstitutionAlias", "DELETE", "/api/v1/institutions/{id}/aliases/{aliasId}", "cas", Service.METRICS,
                Roles.ADMIN, null).badSegment().refused(404);

        forwarded("listGroups", "GET", "/api/v1/groups", null, Service.METRICS, List.of(Roles.READ, Roles.ALERTS, Roles.ADMIN), null)
                .refused(400);
        forwarded("createGroup", "POST", "/api/v1/groups", null, Service.METRICS, List.of(Roles.ALERTS, Roles.ADMIN), JSON)
                .emptyBody().refused(409).tooLarge();
        forwarded("getGroup", "GET", "/api/v1/groups/{name}", "us-jp-kr", Service.METRICS,
                List.of(Roles.READ, Roles.ALERTS, Roles.ADMIN), null).badSegment().refused(404);
        forwarded("updateGroup", "PUT", "/api/v1/groups/{name}", "us-jp-kr", Service.METRICS, List.of(Roles.ALERTS, Roles.ADMIN), JSON)
                .badSegment().refused(404).tooLarge();
        forwarded("deleteGroup", "DELETE", "/api/v1/groups/{name}", "us-jp-kr", Service.METRICS, List.of(Roles.ALERTS, Roles.ADMIN), null)
                .badSegment().refused(404);

        forwarded("postEvents", "POST", "/api/v1/events", Service.INGEST, Roles.INGEST, NDJSON).refused(400, 413);
        forwarded("postImport", "POST", "/api/v1/imports", Service.INGEST, Roles.INGEST, CSV).refused(400, 413);

        forwarded("listSubscribers", "GET", "/api/v1/subscribers", Service.ALERTS, Roles.ALERTS, null).refused(400);
        forwarded("createSubscriber", "POST", "/api/v1/subscribers", Service.ALERTS, Roles.ALERTS, JSON).emptyBody().tooLarge();
        forwarded("getSubscriber", "GET", "/api/v1/subscribers/{id}", SUBSCRIBER, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("updateSubscriber", "PUT", "/api/v1/subscribers/{id}", SUBSCRIBER, Service.ALERTS, Roles.ALERTS, JSON)
                .badSegment().refused(404).tooLarge();
        forwarded("deleteSubscriber", "DELETE", "/api/v1/subscribers/{id}", SUBSCRIBER, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("rotateSubscriberSecret", "POST", "/api/v1/subscribers/{id}/rotate-secret", SUBSCRIBER, Service.ALERTS,
                Roles.ALERTS, null).badSegment().refused(404);
        forwarded("listDeliveries", "GET", "/api/v1/subscribers/{id}/deliveries", SUBSCRIBER, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("streamAlerts", "GET", "/api/v1/subscribers/{id}/stream", SUBSCRIBER, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("redeliver", "POST", "/api/v1/deliveries/{id}/redeliver", DELIVERY, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404, 409);
        forwarded("resendEmailConfirmation", "POST", "/api/v1/subscribers/{id}/email-confirmation", SUBSCRIBER, Service.ALERTS,
                Roles.ALERTS, null).badSegment().refused(404, 409);
        // Open to all: the token in the body is the credential.
        forwarded("confirmEmail", "POST", "/api/v1/email-confirmations", null, Service.ALERTS, List.of(), JSON)
                .emptyBody().refused(404).tooLarge();
        forwarded("listRules", "GET", "/api/v1/rules", Service.ALERTS, Roles.ALERTS, null).refused(400);
        forwarded("createRule", "POST", "/api/v1/rules", Service.ALERTS, Roles.ALERTS, JSON).emptyBody().tooLarge();
        forwarded("backtestRule", "POST", "/api/v1/rules/backtest", Service.ALERTS, Roles.ALERTS, JSON).emptyBody().tooLarge();
        forwarded("getRule", "GET", "/api/v1/rules/{id}", RULE, Service.ALERTS, Roles.ALERTS, null).badSegment().refused(404);
        forwarded("updateRule", "PUT", "/api/v1/rules/{id}", RULE, Service.ALERTS, Roles.ALERTS, JSON)
                .badSegment().refused(404).tooLarge();
        forwarded("deleteRule", "DELETE", "/api/v1/rules/{id}", RULE, Service.ALERTS, Roles.ALERTS, null).badSegment().refused(404);
        forwarded("getRuleState", "GET", "/api/v1/rules/{id}/state", RULE, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("listSilences", "GET", "/api/v1/silences", Service.ALERTS, Roles.ALERTS, null).refused(400);
        forwarded("createSilence", "POST", "/api/v1/silences", Service.ALERTS, Roles.ALERTS, JSON).emptyBody().tooLarge();
        forwarded("getSilence", "GET", "/api/v1/silences/{id}", SILENCE, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
        forwarded("deleteSilence", "DELETE", "/api/v1/silences/{id}", SILENCE, Service.ALERTS, Roles.ALERTS, null)
                .badSegment().refused(404);
    }

    @Test
    void everyDocumentedErrorHasACaseAndEveryCaseIsDocumented() throws Exception {
        Set<String> documented = documentedErrors();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(CASES.keySet());
        Set<String> undocumented = new TreeSet<>(CASES.keySet());
        undocumented.removeAll(documented);
        assertTrue(missing.isEmpty() && undocumented.isEmpty(), "documented errors without a case: " + missing
                + "; cases for errors the document does not list: " + undocumented);
    }

    static Stream<String> cases() {
        return CASES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDocumentedErrorIsAnsweredAsAProblem(String name) {
        Case c = CASES.get(name);
        Response r = c.provoke().apply(c.op());
        String what = c + " answered " + r.statusCode() + " " + r.contentType() + ": " + r.asString();
        assertEquals(c.status(), r.statusCode(), what);
        assertTrue(r.contentType().startsWith("application/problem+json"), what);
        JsonPath problem = r.jsonPath();
        assertTrue(problem.getString("type").startsWith(ProblemType.BASE), what);
        assertEquals(c.status(), problem.getInt("status"), what);
        assertNotNull(problem.getString("title"), what);
        if (c.status() == 401) {
            assertEquals("Bearer realm=\"nanopulse\"", r.header("WWW-Authenticate"), what);
        }
        if (c.status() == 429 || c.status() == 503) {
            assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1, what);
        }
        if (c.service() != null) {
            assertEquals(c.service(), problem.getString("service"), what);
        }
    }

    /** "operationId status" of every 4xx/5xx response of every operation of the published document. */
    static Set<String> documentedErrors() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(RestAssured.given().accept(JSON).get("/q/openapi?format=json").asString());
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String id = op.getValue().path("operationId").asText(null);
                assertNotNull(id, "an operation without operationId");
                op.getValue().get("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        out.add(id + " " + code);
                    }
                });
            }
        }
        return out;
    }

    // --- the cases -------------------------------------------------------------------------------------------

    /** The cases of one operation: every operation answers 401, 403 and 429 the same way. */
    static final class OpCases {
        final Op op;

        OpCases(Op op) {
            this.op = op;
            if (op.roles().isEmpty()) {
                // Open to all: only a key that is not one is refused.
                with(401, "a malformed key", o -> send(o, "not-a-key"));
            } else {
                with(401, "no API key", o -> send(o, null));
                with(403, "a key without an admitted role", o -> send(o, TestKeys.withRoles(otherRoles(o))));
            }
            with(429, "a key past its bucket", ErrorResponsesTest::overTheLimit);
            if (op.contentType() != null) {
                with(415, "a body in another charset", o -> RestAssured.given().header("Authorization", TestKeys.bearer(key(o)))
                        .contentType(o.contentType() + "; charset=utf-16").body(o.body().getBytes(StandardCharsets.UTF_8))
                        .request(o.method(), o.path()));
            }
        }

        OpCases with(int status, String how, Function<Op, Response> provoke) {
            return with(status, how, provoke, null);
        }

        OpCases with(int status, String how, Function<Op, Response> provoke, String service) {
            Case previous = CASES.put(op.id() + " " + status, new Case(op, status, how, provoke, service));
            if (previous != null) {
                throw new IllegalStateException("two cases for " + previous);
            }
            return this;
        }

        OpCases refused(int... statuses) {
            for (int status : statuses) {
                with(status, op.service().displayName() + " refuses with " + status, o -> serviceRefuses(o, status));
            }
            return this;
        }

        OpCases badSegment() {
            return with(400, "a path parameter that could leave its resource", o -> send(o, key(o), o.pathWithBadSegment(), null));
        }

        OpCases emptyBody() {
            return with(400, "an empty JSON body", o -> send(o, key(o), o.path(), ""));
        }

        OpCases tooLarge() {
            return with(413, "a JSON body over the limit", o -> send(o, key(o), o.path(), "{\"x\":\"" + "a".repeat(1_100_000) + "\"}"));
        }

        OpCases keyStoreLost() {
            return with(500, "the key store lost while the key is cached", ErrorResponsesTest::keyStoreLost);
        }
    }

    static OpCases forwarded(String id, String method, String path, Service service, String role, String contentType) {
        return forwarded(id, method, path, null, service, role, contentType);
    }

    /** An operation a service answers: 500 when the service fails, 503 when it is down. */
    static OpCases forwarded(String id, String method, String template, String concreteId, Service service, String role,
                             String contentType) {
        return forwarded(id, method, template, concreteId, service, List.of(role), contentType);
    }

    static OpCases forwarded(String id, String method, String template, String concreteId, Service service, List<String> roles,
                             String contentType) {
        return new OpCases(new Op(id, method, template, concreteId, service, roles, contentType, sample(contentType)))
                .with(500, service.displayName() + " fails without a problem body", ErrorResponsesTest::serviceFails, service.id())
                .with(503, service.displayName() + " is down", ErrorResponsesTest::serviceDown, service.id());
    }

    /** An operation the gateway answers itself: 503 when its key store cannot check a key. */
    static OpCases own(String id, String method, String template, String concreteId, List<String> roles, String contentType) {
        return own(id, method, template, concreteId, roles, contentType, sample(contentType));
    }

    static OpCases own(String id, String method, String template, String concreteId, List<String> roles, String contentType,
                       String body) {
        return new OpCases(new Op(id, method, template, concreteId, null, roles, contentType, body))
                .with(503, "the key store out of reach while a key is checked", ErrorResponsesTest::keyStoreDown, "gateway");
    }

    // --- requests --------------------------------------------------------------------------------------------

    static Response send(Op op, String key) {
        return send(op, key, op.path(), op.body());
    }

    static Response send(Op op, String key, String path, String body) {
        RequestSpecification spec = RestAssured.given();
        if (key != null) {
            spec = spec.header("Authorization", TestKeys.bearer(key));
        }
        if (op.contentType() != null) {
            // Said explicitly: RestAssured would otherwise label NDJSON and CSV as ISO-8859-1 (refused with 415).
            spec = spec.contentType(op.contentType() + "; charset=UTF-8").body((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        }
        if (op.id().equals("streamAlerts")) {
            spec = spec.accept("text/event-stream");
        }
        return spec.request(op.method(), path);
    }

    static String sample(String contentType) {
        if (contentType == null) {
            return null;
        }
        return switch (contentType) {
            case NDJSON -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"e1\",\"patentId\":\"CN115123456A\"}\n";
            case CSV -> "patentId,country,institution,sector,filingDate,city\nCN1,CN,CAS,MATERIALS,2024-01-02,Beijing\n";
            default -> "{\"name\":\"x\"}";
        };
    }

    static String key(Op op) {
        return TestKeys.withRoles(op.role());
    }

    static String[] otherRoles(Op op) {
        Set<String> others = new LinkedHashSet<>(Roles.ALL);
        others.removeAll(op.roles());
        return others.toArray(String[]::new);
    }

    // --- provocations ----------------------------------------------------------------------------------------

    static Response overTheLimit(Op op) {
        String key = key(op);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 10 * BURST; i++) {
            Response r = send(op, key);
            if (r.statusCode() == 429) {
                return r;
            }
            seen.add(r.statusCode());
        }
        return fail("no 429 after " + seen.size() + " requests with one key: " + seen);
    }

    static Response serviceRefuses(Op op, int status) {
        ProblemType type = ProblemType.forStatus(status);
        return withForcedAnswer(op, new FakeService.Answer(status, "application/problem+json",
                "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                        + ",\"detail\":\"refused by the stand-in\"}"));
    }

    static Response serviceFails(Op op) {
        return withForcedAnswer(op, new FakeService.Answer(500, "text/html", "<html><body>failure</body></html>"));
    }

    private static Response withForcedAnswer(Op op, FakeService.Answer answer) {
        String key = key(op);
        Infra.FORCED.put(op.service(), answer);
        try {
            return send(op, key);
        } finally {
            Infra.FORCED.remove(op.service());
        }
    }

    static Response serviceDown(Op op) {
        String key = key(op);
        FakeService standIn = Infra.STAND_INS.get(op.service());
        standIn.stop();
        try {
            return send(op, key);
        } finally {
            standIn.start();
        }
    }

    /** A key not yet cached, checked while PostgreSQL is out of reach. */
    static Response keyStoreDown(Op op) {
        String key = key(op);
        Infra.keyStore.stop();
        try {
            return send(op, key);
        } finally {
            restoreKeyStore();
        }
    }

    /** A key just checked (so cached) while PostgreSQL goes out of reach before the operation reads it. */
    static Response keyStoreLost(Op op) {
        String key = key(op);
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/admin/keys?size=1")
                .then().statusCode(200);
        Infra.keyStore.stop();
        try {
            return send(op, key);
        } finally {
            restoreKeyStore();
        }
    }

    private static void restoreKeyStore() {
        Infra.keyStore.start();
        Arc.container().instance(AgroalDataSource.class).get().flush(AgroalDataSource.FlushMode.ALL);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> TestKeys.withRoles(Roles.READ) != null);
    }

    /** Every other active admin key revoked first, the bootstrap admin key is the last one. */
    static Response revokeTheLastAdminKey(Op op) {
        ApiKeyRepository repository = Arc.container().instance(ApiKeyRepository.class).get();
        ApiKeys keys = Arc.container().instance(ApiKeys.class).get();
        long self = QuarkusTransaction.requiringNew().call(() ->
                repository.findByHash(KeyMaterial.hash(TestKeys.BOOTSTRAP_ADMIN)).orElseThrow().id());
        List<Long> admins = QuarkusTransaction.requiringNew().call(() -> repository.list(
                "revokedAt is null and roles like ?1", "%admin%").stream().map(k -> k.id).toList());
        for (long id : admins) {
            if (id != self) {
                keys.revoke(id);
            }
        }
        return send(op, TestKeys.BOOTSTRAP_ADMIN, "/api/v1/admin/keys/" + self, null);
    }

    /** An unexpected failure inside the gateway: the status use case throws. */
    static Response statusFails(Op op) {
        String key = key(op);
        StatusReporting real = ClientProxy.unwrap(Arc.container().instance(StatusReporting.class).get());
        QuarkusMock.installMockForType(new StatusReporting(null, null, null) {
            @Override
            public Uni<StatusReport> report() {
                throw new IllegalStateException("the status use case failed (a fault of this test)");
            }
        }, StatusReporting.class);
        try {
            return send(op, key);
        } finally {
            QuarkusMock.installMockForType(real, StatusReporting.class);
        }
    }
}
