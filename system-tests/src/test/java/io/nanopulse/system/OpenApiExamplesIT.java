package io.nanopulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.testkit.infra.SmtpRelay;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example of the served OpenAPI document is accepted by the packaged platform: each operation is called
 * with each of its documented request-body examples (every operation with a body must have one) and its
 * documented parameter examples, with a key of the role it names (none for the one open to all), and must answer 2xx. The operations run in
 * {@link #ORDER}, so each example meets the state it needs (the subscriber exists before the rule naming it).
 * <p>
 * Placeholders: the id examples of the path parameters (a subscriber {@code 0b9d5f1e-…}, a rule, a silence, a
 * delivery, an API key, an alias) stand for "the one you created"; the test puts the id the platform gave in
 * their place, in paths, parameters and bodies. {@value #WEBHOOK_PLACEHOLDER} stands for the caller's receiver
 * and becomes the test's own. Nothing else of an example is changed.
 * <p>
 * The document's YAML form (what {@code /q/openapi} serves by default) must also mean the same as its JSON form
 * to a YAML 1.1 reader (SnakeYAML here, PyYAML or js-yaml elsewhere): an unquoted {@code 2030-01-01T00:00:00Z}
 * reads as a timestamp, not as the string the API takes.
 */
class OpenApiExamplesIT {
    static final String WEBHOOK_PLACEHOLDER = "https://hooks.example.org/nanopulse";
    /** Operations sent with the admin key although they name another role first: the example group is shared (rules watch shared groups). */
    private static final java.util.Set<String> ADMIN_FIRST = java.util.Set.of(
            "POST /api/v1/groups", "PUT /api/v1/groups/{name}", "DELETE /api/v1/groups/{name}");

    private static final String API = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every operation of the document, in the order its examples are sent. */
    static final List<String> ORDER = List.of(
            "POST /api/v1/admin/keys", "GET /api/v1/admin/keys",
            "POST /api/v1/events", "POST /api/v1/imports",
            "POST /api/v1/institutions", "GET /api/v1/institutions", "GET /api/v1/institutions/{id}",
            "GET /api/v1/institutions/normalise", "POST /api/v1/institutions/{id}/aliases",
            // Groups before the figures and rules that name them; the institutions' example group names the one above.
            "POST /api/v1/groups", "GET /api/v1/groups", "GET /api/v1/groups/{name}", "PUT /api/v1/groups/{name}",
            "GET /api/v1/figures", "GET /api/v1/shares", "GET /api/v1/global", "GET /api/v1/rankings",
            "GET /api/v1/licensing-rates", "GET /api/v1/timeseries", "POST /api/v1/figures/batch",
            "POST /api/v1/subscribers", "GET /api/v1/subscribers", "GET /api/v1/subscribers/{id}", "POST /api/v1/rules/backtest",
            // The first rule fires on the example events; its delivery is redelivered before a PUT replaces it.
            "POST /api/v1/rules", "GET /api/v1/subscribers/{id}/deliveries", "POST /api/v1/deliveries/{id}/redeliver",
            "GET /api/v1/rules", "GET /api/v1/rules/{id}", "GET /api/v1/rules/{id}/state", "PUT /api/v1/rules/{id}",
            "GET /api/v1/subscribers/{id}/stream", "POST /api/v1/subscribers/{id}/rotate-secret",
            // The PUT's last example gives the subscriber an address; it is confirmed with the token of the re-sent mail.
            "PUT /api/v1/subscribers/{id}", "POST /api/v1/subscribers/{id}/email-confirmation", "POST /api/v1/email-confirmations",
            "POST /api/v1/silences", "GET /api/v1/silences", "GET /api/v1/silences/{id}",
            "GET /api/v1/status", "POST /api/v1/admin/retractions", "POST /api/v1/admin/rebuild",
            "DELETE /api/v1/silences/{id}", "DELETE /api/v1/rules/{id}", "DELETE /api/v1/subscribers/{id}",
            "DELETE /api/v1/groups/{name}",
            "DELETE /api/v1/institutions/{id}/aliases/{aliasId}", "DELETE /api/v1/institutions/{id}",
            "DELETE /api/v1/admin/keys/{id}");

    /** The address the subscriber's e-mail example (updateSubscriber) names. */
    static final String EMAIL_EXAMPLE = "ip-team@example.org";

    static LocalPlatform platform;
    static WebhookReceiver receiver;
    static SmtpRelay mail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Placeholder → the id the platform gave. */
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private List<OpenApiOperations.Operation> operations = List.of();

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        mail = new SmtpRelay().up();
        platform = new LocalPlatform(Platforms.withEnv(Platforms.withLocalWebhooks("examples"), "alerts-service", mail.alertsEnv()));
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
        if (mail != null) mail.close();
    }

    @Test
    void theYamlDocumentReadsAsTheJsonDocument() throws Exception {
        JsonNode json = JSON.readTree(get("/q/openapi?format=json", "application/json"));
        String yamlText = get("/q/openapi", "*/*");
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        var differences = new ArrayList<String>();
        compare("", json, JSON.valueToTree(yaml), differences);
        assertEquals(List.of(), differences.stream().limit(20).toList(),
                differences.size() + " value(s) a YAML 1.1 reader reads differently from the JSON document");
    }

    @Test
    void everyDocumentedExampleIsAccepted() throws Exception {
        var doc = JSON.readTree(get("/q/openapi?format=json", "application/json"));
        var operations = OpenApiOperations.parse(doc).stream().filter(o -> o.path().startsWith(API)).toList();
        Map<String, JsonNode> raw = rawOperations(doc);
        var documented = operations.stream().map(OpenApiOperations.Operation::id).toList();
        assertEquals(documented.stream().sorted().toList(), ORDER.stream().sorted().toList(),
                "ORDER must list every operation of the document once (place a new one where its examples can succeed)");

        for (String role : List.of("ingest", "read", "alerts", "admin")) {
            keys.put(role, Platforms.issueKey(platform, "examples", List.of(role)));
        }
        this.operations = operations;
        int sent = 0;
        for (String id : ORDER) {
            var op = operations.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
            for (JsonNode p : raw.get(id).path("parameters")) {
                if (p.path("required").asBoolean(false) && !p.has("example")) {
                    problems.add(id + ": required parameter " + p.path("name").asText() + " has no example");
                }
            }
            before(op);
            if (op.hasBody()) {
                for (var body : examples(op, raw.get(id))) {
                    sent += send(op, body) ? 1 : 0;
                }
            } else {
                sent += send(op, null) ? 1 : 0;
            }
        }
        System.out.printf("[examples] %d operations, %d calls, %d refused%n", operations.size(), sent, problems.size());
        if (!problems.isEmpty()) {
            fail(problems.size() + " documented example(s) not accepted:\n" + String.join("\n", problems));
        }
    }

    /** One request-body example: its name, media type and text. */
    record Body(String name, String mediaType, String text) {
    }

    private List<Body> examples(OpenApiOperations.Operation op, JsonNode raw) {
        var out = new ArrayList<Body>();
        raw.path("requestBody").path("content").fields().forEachRemaining(c -> {
            JsonNode media = c.getValue();
            int before = out.size();
            if (media.has("example")) {
                out.add(new Body("example", c.getKey(), text(media.get("example"))));
            }
            media.path("examples").fields().forEachRemaining(e ->
                    out.add(new Body(e.getKey(), c.getKey(), text(e.getValue().path("value")))));
            if (out.size() == before) {
                problems.add(op.id() + " [" + c.getKey() + "]: the request body has no example");
            }
        });
        return out;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** Whether a call was made; records what was refused. */
    private boolean send(OpenApiOperations.Operation op, Body body) throws Exception {
        String path = op.path();
        var query = new ArrayList<String>();
        for (var p : op.params()) {
            if (p.example() == null) {
                continue;
            }
            String value = ids.getOrDefault(p.example(), p.example());
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", encode(value));
            } else if (p.in().equals("query")) {
                query.add(encode(p.name()) + "=" + encode(value));
            }
        }
        if (path.contains("{")) {
            problems.add(op.id() + ": a path parameter has no example");
            return false;
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String role = ADMIN_FIRST.contains(op.id()) ? "admin" : op.roles().isEmpty() ? null : op.roles().get(0);
        var request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + target)).timeout(Duration.ofSeconds(60));
        if (role != null) {
            request.header("Authorization", "Bearer " + keys.get(role));
        } // else open to all (no security requirement): sent without a key
        String label = op.id() + (body == null ? "" : " [" + body.mediaType() + " '" + body.name() + "']");
        if (body != null) {
            request.header("Content-Type", body.mediaType()).method(op.method(), HttpRequest.BodyPublishers.ofString(substitute(body.text())));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (op.produces().contains("text/event-stream")) {
            // A live stream: its opening answer is what counts.
            HttpResponse<InputStream> r = http.send(request.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            judge(label, target, r.statusCode(), "");
            return true;
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        judge(label, target, r.statusCode(), r.body());
        if (r.statusCode() / 100 == 2) {
            after(op, r.body());
        }
        return true;
    }

    private void judge(String label, String target, int status, String body) {
        System.out.printf("[examples] %-70s %d%n", label, status);
        if (status / 100 != 2) {
            problems.add(label + " " + target + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private String substitute(String text) {
        String out = text.replace(WEBHOOK_PLACEHOLDER, receiver.url());
        for (var e : ids.entrySet()) {
            // Short placeholders (a key's or an alias' number) stand only for a whole parameter.
            if (e.getKey().length() >= 8) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Records the id a create gave in place of its documented placeholder (the first one created counts). */
    private void after(OpenApiOperations.Operation op, String body) {
        JsonPath answer = JsonPath.from(body);
        switch (op.id()) {
            case "POST /api/v1/admin/keys" -> remember(placeholder("/api/v1/admin/keys/{id}", "id"), answer.getString("apiKey.id"));
            case "POST /api/v1/subscribers" -> remember(placeholder("/api/v1/subscribers/{id}", "id"), answer.getString("id"));
            case "POST /api/v1/rules" -> remember(placeholder("/api/v1/rules/{id}", "id"), answer.getString("id"));
            case "POST /api/v1/silences" -> remember(placeholder("/api/v1/silences/{id}", "id"), answer.getString("id"));
            default -> {
            }
        }
    }

    /** The tokens of the confirmation mails to the e-mail example's address, in arrival order. */
    private List<String> confirmationTokens() {
        return mail.messagesTo(EMAIL_EXAMPLE).stream().filter(SmtpRelay::isConfirmation).map(SmtpRelay::confirmationToken).toList();
    }

    /** Waits for the state an operation's examples refer to that the platform makes on its own. */
    private void before(OpenApiOperations.Operation op) throws Exception {
        switch (op.id()) {
            // The rule's example fires on the example events once metrics has applied them.
            case "POST /api/v1/rules" -> await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    JsonPath.from(get(API + "/figures?kind=COUNTRY&key=CN&window=ALL", "application/json", "read")).getLong("filings") > 0);
            // The PUT's confirmation mail has arrived before the re-send, so the re-sent one arrives last.
            case "POST /api/v1/subscribers/{id}/email-confirmation" -> await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> confirmationTokens().size() >= 1);
            // The token of the newest confirmation mail (the re-sent one, which replaces the PUT's).
            case "POST /api/v1/email-confirmations" -> {
                List<String> tokens = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(this::confirmationTokens, t -> t.size() >= 2);
                remember(bodyExample(op, "token"), tokens.get(tokens.size() - 1));
            }
            case "DELETE /api/v1/institutions/{id}/aliases/{aliasId}" -> {
                String institution = placeholder("/api/v1/institutions/{id}/aliases/{aliasId}", "id");
                var aliases = JsonPath.from(get(API + "/institutions/" + institution, "application/json", "read")).getList("aliases", Map.class);
                remember(placeholder("/api/v1/institutions/{id}/aliases/{aliasId}", "aliasId"),
                        String.valueOf(aliases.get(aliases.size() - 1).get("id")));
            }
            case "POST /api/v1/deliveries/{id}/redeliver" -> {
                String subscriber = ids.get(placeholder("/api/v1/subscribers/{id}", "id"));
                String deliveries = API + "/subscribers/" + subscriber + "/deliveries";
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                        !JsonPath.from(get(deliveries, "application/json", "alerts")).getList("items").isEmpty());
                remember(placeholder("/api/v1/deliveries/{id}/redeliver", "id"),
                        JsonPath.from(get(deliveries, "application/json", "alerts")).getString("items[0].id"));
            }
            default -> {
            }
        }
    }

    /** The value of {@code field} in the operation's first request-body example. */
    private String bodyExample(OpenApiOperations.Operation op, String field) throws Exception {
        JsonNode raw = rawOperations(JSON.readTree(get("/q/openapi?format=json", "application/json"))).get(op.id());
        JsonNode media = raw.path("requestBody").path("content").path("application/json");
        JsonNode example = media.has("example") ? media.get("example") : media.path("examples").elements().next().path("value");
        JsonNode body = example.isTextual() ? JSON.readTree(example.asText()) : example;
        return body.path(field).asText();
    }

    private String placeholder(String path, String param) {
        return operations.stream().filter(o -> o.path().equals(path)).flatMap(o -> o.params().stream())
                .filter(p -> p.name().equals(param) && p.example() != null).map(OpenApiOperations.Param::example)
                .findFirst().orElseThrow(() -> new AssertionError(path + " documents no example for " + param));
    }

    private void remember(String placeholder, String id) {
        ids.putIfAbsent(placeholder, id);
    }

    private static Map<String, JsonNode> rawOperations(JsonNode doc) {
        var out = new HashMap<String, JsonNode>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m ->
                out.put(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey(), m.getValue())));
        return out;
    }

    private String get(String target, String accept) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + target)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), target + ": " + r.body());
        return r.body();
    }

    private String get(String target, String accept, String role) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + target)).header("Accept", accept)
                .header("Authorization", "Bearer " + keys.get(role)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), target + ": " + r.body());
        return r.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where a YAML 1.1 reading differs from the JSON document (numbers compare by value). */
    static void compare(String at, JsonNode json, JsonNode yaml, List<String> out) {
        if (json.isNumber() && yaml.isNumber()) {
            if (json.decimalValue().compareTo(yaml.decimalValue()) != 0) out.add(at + ": " + json + " vs " + yaml);
        } else if (json.isObject() && yaml.isObject()) {
            var names = new java.util.TreeSet<String>();
            json.fieldNames().forEachRemaining(names::add);
            yaml.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                compare(at + "/" + n, json.path(n), yaml.path(n), out);
            }
        } else if (json.isArray() && yaml.isArray() && json.size() == yaml.size()) {
            for (int i = 0; i < json.size(); i++) {
                compare(at + "/" + i, json.get(i), yaml.get(i), out);
            }
        } else if (!json.equals(yaml)) {
            out.add(at + ": JSON " + excerpt(json) + ", YAML 1.1 " + excerpt(yaml));
        }
    }

    private static String excerpt(JsonNode n) {
        String s = n.isMissingNode() ? "(absent)" : n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
