package io.nanopulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nanopulse.system.OpenApiOperations.Operation;
import io.nanopulse.system.OpenApiOperations.Param;
import io.nanopulse.system.RawHttp.Header;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates hostile requests for the operations of the gateway's OpenAPI document from one seed: each case
 * takes an otherwise valid request (documented examples, the test's own subscriber, rule, silence and
 * institution, a key with the operation's role) and breaks one thing in it — a query or path parameter, the
 * body, its media type, the credentials, the request line or the method — and says what a strict platform
 * must answer. Events and CSV rows that look valid all file patents in New Zealand ({@link #COUNTRY}), which
 * the test's platform has no other data for, so the figures show exactly what was accepted.
 */
final class HostileCases {
    static final String COUNTRY = "NZ";
    static final String INSTITUTION = "Hostile Input Lab";

    enum Want { ANY, REFUSED, EXACT, ACCEPTED }

    /**
     * What the answer must be beyond the rules for every answer (no 5xx, problem+json for 4xx, no internals):
     * ANY; REFUSED (a 4xx, or for event and CSV uploads a 2xx that accepted nothing); EXACT (one of
     * {@code statuses}); ACCEPTED (a 2xx that accepted exactly one event).
     */
    record Expect(Want want, Set<Integer> statuses) {
        static final Expect ANY = new Expect(Want.ANY, Set.of());
        static final Expect REFUSED = new Expect(Want.REFUSED, Set.of());
        static final Expect ACCEPTED = new Expect(Want.ACCEPTED, Set.of());

        static Expect exactly(Integer... statuses) {
            return new Expect(Want.EXACT, Set.of(statuses));
        }

        @Override
        public String toString() {
            return want == Want.EXACT ? "one of " + statuses.stream().sorted().toList() : want.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One generated request. {@code ingest}: an event or CSV upload whose accepted count moves the figures;
     * {@code countryIntact}: its country was not what was broken, so what it accepted counts for {@link #COUNTRY};
     * {@code authenticated}: it carries a valid key (a 429 is then retried, not judged).
     */
    record Case(int index, String operation, String family, String label, RawHttp.Request request, Expect expect,
                boolean ingest, boolean countryIntact, boolean authenticated) {
    }

    /** Keys and objects the platform holds for the run. */
    record Fixtures(String allRolesKey, Map<String, String> singleRoleKeys, String revokedKey, String intruderKey,
                    String subscriberId, String ruleId, String silenceId, String institutionId, String aliasId) {
    }

    /** A hostile value as it goes into a request target (already percent-encoded where meant to be). */
    private record Hostile(String raw, Expect expect, String label) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "@@HX@@";
    private static final String CSV_HEADER = "patentId,country,institution,sector,filingDate,city";

    private final List<Operation> operations;
    private final Fixtures fx;
    private final SplittableRandom random;
    private final String runTag;
    private final java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    private int unique;

    HostileCases(List<Operation> operations, Fixtures fixtures, long seed) {
        this.operations = operations;
        this.fx = fixtures;
        this.random = new SplittableRandom(seed);
        this.runTag = Long.toString(Math.floorMod(seed, 1_000_000L));
    }

    /** {@code count} cases, the operations taken in turn. */
    List<Case> generate(int count) {
        var out = new ArrayList<Case>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(i, operations.get(i % operations.size())));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Families

    private Case next(int index, Operation op) {
        boolean read = op.method().equals("GET");
        var families = new ArrayList<String>();
        var weights = new ArrayList<Integer>();
        add(families, weights, "credentials", 12);
        add(families, weights, "request-line", 8);
        add(families, weights, "extra-query", 5);
        add(families, weights, "method", 3);
        if (!op.in("query").isEmpty()) add(families, weights, "query", op.hasBody() ? 15 : 45);
        if (!op.in("path").isEmpty()) add(families, weights, "path", op.hasBody() ? 10 : 25);
        if (op.hasBody()) {
            add(families, weights, "body", isIngest(op) ? 45 : 40);
            add(families, weights, "content-type", 10);
        }
        if (isIngest(op)) add(families, weights, "control", 12);
        else if (read) add(families, weights, "control", 3);
        String family = weighted(families, weights);
        return switch (family) {
            case "credentials" -> credentials(index, op);
            case "request-line" -> requestLine(index, op);
            case "extra-query" -> extraQuery(index, op);
            case "method" -> method(index, op);
            case "query" -> query(index, op);
            case "path" -> path(index, op);
            case "body" -> body(index, op);
            case "content-type" -> contentType(index, op);
            default -> control(index, op);
        };
    }

    private Case control(int index, Operation op) {
        Body b = baselineBody(op);
        return build(index, op, "control", "valid request", target(op, Map.of(), baselineQuery(op)),
                auth(fx.allRolesKey()), b, isIngest(op) ? Expect.ACCEPTED : Expect.ANY, true, true);
    }

    private Case query(int index, Operation op) {
        Param p = pick(op.in("query"));
        Hostile h = pick(queryValues(p));
        var q = baselineQuery(op);
        q.removeIf(kv -> kv[0].equals(p.name()));
        q.add(new String[]{p.name(), h.raw()});
        return build(index, op, "query", p.name() + "=" + h.label(), target(op, Map.of(), q), auth(fx.allRolesKey()),
                baselineBody(op), h.expect(), true, true);
    }

    private Case path(int index, Operation op) {
        Param p = pick(op.in("path"));
        Hostile h = pick(pathValues());
        return build(index, op, "path", "{" + p.name() + "}=" + h.label(), target(op, Map.of(p.name(), h.raw()), baselineQuery(op)),
                auth(fx.allRolesKey()), baselineBody(op), h.expect(), true, true);
    }

    private Case extraQuery(int index, Operation op) {
        var q = baselineQuery(op);
        String label;
        Expect expect = Expect.ANY;
        switch (random.nextInt(6)) {
            case 0 -> { q.add(new String[]{"zz", "1"}); label = "unknown parameter"; }
            case 1 -> { q.add(new String[]{"zz", "%00"}); label = "NUL in an unknown parameter"; expect = Expect.REFUSED; }
            case 2 -> { q.add(new String[]{"%00", "1"}); label = "NUL in a parameter name"; expect = Expect.REFUSED; }
            case 3 -> {
                for (int i = 0; i < 600; i++) q.add(new String[]{"p" + i, "1"});
                label = "600 unknown parameters";
            }
            case 4 -> {
                if (q.isEmpty()) q.add(new String[]{"zz", "1"});
                q.add(new String[]{q.get(0)[0], "%00"});
                label = "a parameter twice, the second with NUL";
                expect = Expect.REFUSED;
            }
            default -> { q.add(new String[]{"", ""}); q.add(new String[]{"&&", "="}); label = "empty names and separators"; }
        }
        return build(index, op, "extra-query", label, target(op, Map.of(), q), auth(fx.allRolesKey()), baselineBody(op), expect, true, true);
    }

    private Case method(int index, Operation op) {
        String m = pick(List.of("PATCH", "TRACE", "FOO", "PROPFIND"));
        boolean declared = operations.stream().anyMatch(o -> o.path().equals(op.path()) && o.method().equals(m));
        var c = build(index, op, "method", m + " on the path", target(op, Map.of(), baselineQuery(op)), auth(fx.allRolesKey()),
                null, declared ? Expect.ANY : Expect.REFUSED, true, true);
        return new Case(c.index(), c.operation(), c.family(), c.label(),
                new RawHttp.Request(m, c.request().target(), c.request().headers(), c.request().body()), c.expect(), false, true, true);
    }

    private Case credentials(int index, Operation op) {
        byte[] target = target(op, Map.of(), baselineQuery(op));
        Body body = baselineBody(op);
        String otherKey = unknownKey();
        // Open to all (the body carries the credential): no key, any role or forged headers pass; a bad key does not.
        boolean open = op.roles().isEmpty();
        Expect noKey = open ? Expect.REFUSED : unauthenticated();
        Expect forbidden = open ? Expect.REFUSED : Expect.exactly(403);
        return switch (random.nextInt(10)) {
            case 0 -> build(index, op, "credentials", "no key", target, List.of(), body, noKey, false, true);
            case 1 -> build(index, op, "credentials", "unknown key", target, auth(otherKey), body, unauthenticated(), false, true);
            case 2 -> build(index, op, "credentials", "revoked key", target, auth(fx.revokedKey()), body, unauthenticated(), false, true);
            case 3 -> build(index, op, "credentials", "malformed Authorization", target,
                    List.of(new Header("Authorization", pick(List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                            "Bearer np_\u0000", "Bearer " + "A".repeat(4000), "Bearer np_\u00ff\u00fe", "np_" + otherKey)))),
                    body, Expect.exactly(400, 401, 429), false, true);
            case 4 -> build(index, op, "credentials", "forged X-Nanopulse-Principal, no key", target,
                    List.of(new Header("X-Nanopulse-Principal", "hostile-owner"), new Header("X-Nanopulse-Roles", "admin")),
                    body, noKey, false, true);
            case 5, 6 -> build(index, op, "credentials", "key without the role", target, auth(wrongRoleKey(op)), body,
                    forbidden, true, true);
            case 7 -> {
                var headers = new ArrayList<>(auth(fx.singleRoleKeys().get("read")));
                headers.add(new Header("X-Nanopulse-Roles", "admin,ingest,alerts"));
                headers.add(new Header("X-Nanopulse-Principal", "hostile-owner"));
                boolean readable = op.roles().contains("read");
                yield build(index, op, "credentials", "read key with forged role headers", target, headers, body,
                        readable ? Expect.ANY : forbidden, true, true);
            }
            case 8 -> {
                // Another principal's key naming the owner in a forged header: the owner's objects stay hidden.
                var headers = new ArrayList<>(auth(fx.intruderKey()));
                headers.add(new Header("X-Nanopulse-Principal", "hostile-owner"));
                boolean ownObject = isAlerts(op) && !op.method().equals("DELETE") && !op.path().startsWith("/api/v1/deliveries")
                        && (op.in("path").stream().anyMatch(p -> p.name().equals("id"))
                        || (op.method().equals("POST") && (op.path().equals("/api/v1/rules") || op.path().equals("/api/v1/silences"))));
                boolean needsAdmin = !open && op.roles().stream().allMatch(r -> r.equals("admin"));
                yield build(index, op, "credentials", "other principal's key with forged X-Nanopulse-Principal", target,
                        headers, body, needsAdmin ? Expect.exactly(403) : ownObject ? Expect.REFUSED : Expect.ANY, true, true);
            }
            default -> {
                var headers = new ArrayList<Header>();
                headers.add(new Header("Authorization", "Bearer " + otherKey));
                headers.add(new Header("Authorization", "Bearer " + fx.allRolesKey()));
                yield build(index, op, "credentials", "two Authorization headers, the first unknown", target, headers, body,
                        Expect.ANY, false, true);
            }
        };
    }

    private static Expect unauthenticated() {
        return Expect.exactly(401, 429);
    }

    private Case requestLine(int index, Operation op) {
        byte[] base = target(op, Map.of(), baselineQuery(op));
        String t = new String(base, StandardCharsets.ISO_8859_1);
        String path = t.contains("?") ? t.substring(0, t.indexOf('?')) : t;
        String query = t.contains("?") ? t.substring(t.indexOf('?')) : "";
        var headers = auth(fx.allRolesKey());
        Body body = baselineBody(op);
        return switch (random.nextInt(12)) {
            case 0 -> build(index, op, "request-line", "raw byte 0xFF in the path", bytes(path + "\u00ff" + query), headers, body, Expect.REFUSED, true, true);
            case 1 -> build(index, op, "request-line", "raw NUL in the path", bytes(path + "\u0000x" + query), headers, body, Expect.REFUSED, true, true);
            case 2 -> build(index, op, "request-line", "raw space in the query", bytes(path + "?a=b c" + query.replace('?', '&')), headers, body, Expect.REFUSED, true, true);
            case 3 -> build(index, op, "request-line", "lone % at the end", bytes(path + query + (query.isEmpty() ? "?" : "&") + "x=%"), headers, body, Expect.REFUSED, true, true);
            case 4 -> build(index, op, "request-line", "overlong UTF-8 dots in the path", bytes(path + "/%C0%AE%C0%AE/%C0%AE%C0%AE" + query), headers, body, Expect.REFUSED, true, true);
            case 5 -> build(index, op, "request-line", "request line over 8 KiB", bytes(path + query + (query.isEmpty() ? "?" : "&") + "pad=" + "A".repeat(9000)), headers, body, Expect.exactly(414), true, true);
            case 6 -> {
                var big = new ArrayList<>(headers);
                big.add(new Header("X-Pad", "B".repeat(20_000)));
                yield build(index, op, "request-line", "header over 16 KiB", base, big, body, Expect.exactly(431), true, true);
            }
            case 7 -> {
                var withNul = new ArrayList<>(headers);
                withNul.add(new Header("X-Hostile", "a\u0000b\u00ffc"));
                yield build(index, op, "request-line", "NUL and 0xFF in a header value", base, withNul, body, Expect.ANY, true, true);
            }
            case 8 -> build(index, op, "request-line", "double slashes", bytes("/" + path.replace("/", "//") + query), headers, body, Expect.ANY, true, true);
            case 9 -> build(index, op, "request-line", "raw tab in the path", bytes(path + "\tx" + query), headers, body, Expect.REFUSED, true, true);
            case 10 -> build(index, op, "request-line", "percent-encoded NUL segment", bytes(path + "/%00" + query), headers, body, Expect.REFUSED, true, true);
            default -> build(index, op, "request-line", "encoded slash and dot segments", bytes(path + "/%2e%2e%2f%2e%2e%2fq%2fhealth" + query), headers, body, Expect.ANY, true, true);
        };
    }

    private Case contentType(int index, Operation op) {
        Body b = baselineBody(op);
        String label;
        String type;
        byte[] content = b.bytes();
        Expect expect = Expect.exactly(415);
        switch (random.nextInt(9)) {
            case 0 -> { type = null; label = "no Content-Type"; }
            case 1 -> { type = "text/plain"; label = "text/plain"; }
            case 2 -> { type = "application/xml"; label = "application/xml"; }
            case 3 -> {
                type = b.type() + "; charset=utf-16";
                content = new String(b.bytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
                label = "charset=utf-16 (UTF-16 body)";
            }
            case 4 -> { type = b.type() + "; charset=utf-16"; label = "charset=utf-16 (UTF-8 body)"; }
            case 5 -> { type = b.type() + "; charset=iso-8859-1"; label = "charset=iso-8859-1"; }
            case 6 -> { type = "multipart/form-data; boundary=x"; label = "multipart/form-data"; }
            case 7 -> { type = "application/x-www-form-urlencoded"; label = "form-urlencoded"; }
            default -> { type = b.type() + "; charset=UTF-8"; label = "charset=UTF-8 (valid)"; expect = isIngest(op) ? Expect.ACCEPTED : Expect.ANY; }
        }
        Body sent = new Body(type, content, b.countryIntact());
        return build(index, op, "content-type", label, target(op, Map.of(), baselineQuery(op)), auth(fx.allRolesKey()), sent, expect, true, true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bodies

    private record Body(String type, byte[] bytes, boolean countryIntact) {
    }

    private record Leaf(JsonNode parent, String name, int index, JsonNode value, String display) {
        boolean isDate() {
            String n = display.toLowerCase(Locale.ROOT);
            return n.endsWith("date") || n.endsWith("asof") || n.endsWith("startsat") || n.endsWith("endsat");
        }
    }

    private Case body(int index, Operation op) {
        String type = pick(new ArrayList<>(op.bodies().keySet()));
        if (type.equals("text/csv")) {
            return csv(index, op);
        }
        ObjectNode base = baselineJson(op);
        List<Leaf> leaves = leaves(base, "");
        int kind = random.nextInt(20);
        List<Leaf> texts = leaves.stream().filter(l -> l.value().isTextual()).toList();
        // Text mutations go to text fields; the others to any field.
        Leaf leaf = pick(Set.of(0, 1, 2, 3, 5).contains(kind) && !texts.isEmpty() ? texts : leaves);
        boolean ingest = isIngest(op);
        boolean countryIntact = !leaf.display().equals("country");
        String label;
        byte[] content;
        Expect expect = Expect.REFUSED;
        switch (kind) {
            case 0 -> { content = replace(base, leaf, quoted(text(leaf) + "\\u0000x")); label = "NUL in " + leaf.display(); }
            case 1 -> { content = replace(base, leaf, quoted(text(leaf) + pick(List.of("\\u001b", "\\u007f", "\\u0085", "\\u200b")))); label = "control character in " + leaf.display(); }
            case 2 -> { content = replace(base, leaf, quoted(text(leaf) + "\\ud800")); label = "lone surrogate escape in " + leaf.display(); }
            case 3 -> {
                String[] bad = pick(List.of(new String[]{"\u00c0\u00bc", "overlong <"}, new String[]{"\u00ed\u00a0\u0080", "surrogate bytes"},
                        new String[]{"\u00ff", "byte 0xFF"}, new String[]{"\u00e2\u0082", "truncated sequence"},
                        new String[]{"\u00f8\u0088\u0080\u0080\u0080", "5-byte form"}));
                content = replace(base, leaf, concat(utf8("\"" + text(leaf)), latin1(bad[0]), utf8("\"")));
                label = "invalid UTF-8 (" + bad[1] + ") in " + leaf.display();
            }
            case 4 -> {
                String[] wrong = pick(List.of(new String[]{"[\"x\"]", "array"}, new String[]{"{\"a\":\"b\"}", "object"},
                        new String[]{"42", "number"}, new String[]{"true", "boolean"}, new String[]{"null", "null"}));
                content = replace(base, leaf, utf8(wrong[0]));
                label = wrong[1] + " for " + leaf.display();
                boolean structural = wrong[1].equals("array") || wrong[1].equals("object");
                if (wrong[1].equals("null")) {
                    expect = required(op, leaf) ? Expect.REFUSED : Expect.ANY;
                } else if (leaf.value().isContainerNode()) {
                    expect = wrong[1].equals(leaf.value().isArray() ? "array" : "object") ? Expect.ANY : Expect.REFUSED;
                } else {
                    expect = structural ? Expect.REFUSED : Expect.ANY;
                }
            }
            case 5 -> { content = replace(base, leaf, quoted("x".repeat(100_000))); label = "100,000-character string in " + leaf.display(); }
            case 6 -> { content = replace(base, leaf, utf8("[".repeat(5_000) + "]".repeat(5_000))); label = "nesting 5,000 deep in " + leaf.display(); }
            case 7 -> { content = utf8("[".repeat(100_000) + "]".repeat(100_000)); label = "nesting 100,000 deep"; countryIntact = false; }
            case 8 -> { content = duplicateKey(base, leaf); label = "duplicate key " + topName(leaf); }
            case 9 -> {
                if (leaf.isDate()) {
                    String d = pick(List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "1899-12-31", "10000-01-01", "2024-02-30"));
                    boolean instant = text(leaf).contains("T");
                    content = replace(base, leaf, quoted(instant ? d + "T00:00:00Z" : d));
                    label = "date " + d + " in " + leaf.display();
                } else if (leaf.value().isNumber()) {
                    String n = pick(List.of("1e309", "-1e309", "NaN", "1e-400", "2147483648", "-0", "0042"));
                    content = replace(base, leaf, utf8(n));
                    label = "number " + n + " in " + leaf.display();
                    expect = Set.of("1e309", "-1e309", "NaN", "0042").contains(n) ? Expect.REFUSED : Expect.ANY;
                } else {
                    content = replace(base, leaf, quoted(pick(List.of("Z\u00fcrich \u6771\u4eac \ud83d\ude80", "=cmd|' /C calc'!A0", "' OR '1'='1"))));
                    label = "unusual but valid text in " + leaf.display();
                    expect = Expect.ANY;
                }
            }
            case 10 -> {
                if (required(op, leaf)) {
                    content = remove(base, leaf);
                    label = "missing " + leaf.display();
                } else {
                    content = replace(base, leaf, quoted(" "));
                    label = "blank " + leaf.display();
                    expect = Expect.ANY;
                }
            }
            case 11 -> {
                byte[] whole = serialize(base);
                int cut = 1 + random.nextInt(Math.max(1, whole.length - 2));
                content = java.util.Arrays.copyOf(whole, cut);
                label = "truncated JSON";
                countryIntact = false;
            }
            case 12 -> {
                String[] junk = pick(List.of(new String[]{"", "empty body"}, new String[]{"null", "JSON null"}, new String[]{"42", "a number"},
                        new String[]{"<event><type>x</type></event>", "XML"}, new String[]{"{'a':1}", "single quotes"},
                        new String[]{"{\"a\":1,}", "trailing comma"}, new String[]{"\u00ff\u00fe{\u0000}", "binary"}));
                content = latin1(junk[0]);
                label = junk[1];
                countryIntact = false;
            }
            case 13 -> {
                if (leaf.value().isArray()) {
                    var sb = new StringBuilder("[");
                    for (int i = 0; i < 100_001; i++) sb.append(i == 0 ? "" : ",").append("\"x\"");
                    content = replace(base, leaf, utf8(sb.append(']').toString()));
                    label = "100,001 items in " + leaf.display();
                } else if (ingest) {
                    String one = new String(serialize(base), StandardCharsets.UTF_8);
                    content = utf8("[" + String.join(",", java.util.Collections.nCopies(10_001, one)) + "]");
                    label = "10,001 events in one array";
                } else {
                    content = utf8("[" + new String(serialize(base), StandardCharsets.UTF_8) + "]");
                    label = "an array instead of an object";
                }
            }
            case 14 -> { content = replace(base, leaf, quoted("y".repeat(1_200_000))); label = "body over 1 MiB"; }
            case 15 -> { content = concat(utf8("/* hostile */"), serialize(base)); label = "a JSON comment"; }
            case 16 -> {
                ObjectNode extra = base.deepCopy();
                extra.put("zz" + MARKER, "x");
                content = replaceToken(extra, "\"zz" + MARKER + "\"", utf8("\"zz\\u0000\""));
                label = "NUL in an unknown field's name";
                expect = Expect.ANY;
            }
            case 17 -> {
                ObjectNode extra = base.deepCopy();
                extra.set("hostileExtra", NODES.textNode("extra"));
                content = serialize(extra);
                label = "an unknown field";
                expect = Expect.ANY;
            }
            case 18 -> { content = concat(latin1("\u00ef\u00bb\u00bf"), serialize(base)); label = "UTF-8 byte-order mark"; expect = Expect.ANY; }
            default -> { content = concat(serialize(base), utf8(" {\"x\":1}")); label = "trailing data after the JSON"; expect = Expect.ANY; }
        }
        if (kind >= 15) {
            countryIntact = true; // these leave every field's value as it was
        }
        if (type.contains("ndjson")) {
            content = concat(content, utf8("\n"));
        }
        return build(index, op, "body", label + (op.bodies().size() > 1 ? " (" + type + ")" : ""), target(op, Map.of(), baselineQuery(op)),
                auth(fx.allRolesKey()), new Body(type, content, countryIntact), expect, true, true);
    }

    private Case csv(int index, Operation op) {
        int n = ++unique;
        String[] cells = csvRow(n);
        int col = random.nextInt(cells.length);
        String column = CSV_HEADER.split(",")[col];
        String header = CSV_HEADER;
        byte[] cell;
        String label;
        Expect expect = Expect.REFUSED;
        boolean countryIntact = col != 1;
        switch (random.nextInt(12)) {
            case 0 -> { cell = latin1(cells[col] + "\u0000x"); label = "NUL in " + column; }
            case 1 -> { cell = latin1(cells[col] + "\u001b"); label = "ESC in " + column; }
            case 2 -> { cell = concat(utf8(cells[col]), latin1(pick(List.of("\u00c0\u00bc", "\u00ed\u00a0\u0080", "\u00ff", "\u00e2\u0082")))); label = "invalid UTF-8 in " + column; }
            case 3 -> { cell = utf8("x".repeat(100_000)); label = "100,000-character " + column; }
            case 4 -> {
                if (col == 4) {
                    String d = pick(List.of("+999999999-12-31", "0000-01-01", "1899-12-31", "10000-01-01", "2024-02-30"));
                    cell = utf8(d);
                    label = "filingDate " + d;
                } else {
                    cell = utf8("\"" + cells[col] + ", quoted\"\"\"");
                    label = "quoted " + column + " with a comma and a quote";
                    expect = col == 2 || col == 5 ? Expect.ANY : Expect.REFUSED;
                }
            }
            case 5 -> { cell = utf8(cells[col] + ",extra"); label = "an extra column"; countryIntact = false; }
            case 6 -> { cell = utf8("\"" + cells[col]); label = "an unbalanced quote in " + column; countryIntact = false; }
            case 7 -> { header = "patentId,country,institution"; cell = utf8(cells[col]); label = "a header with missing columns"; countryIntact = false; }
            case 8 -> { header = "\u0000" + CSV_HEADER; cell = utf8(cells[col]); label = "NUL in the header"; countryIntact = false; }
            case 9 -> {
                cell = utf8(pick(List.of("Z\u00fcrich \u6771\u4eac", "=cmd|' /C calc'!A0", "'; DROP TABLE patents;--")));
                label = "unusual but valid text in " + column;
                expect = col == 2 || col == 5 ? Expect.ANY : Expect.REFUSED;
            }
            case 10 -> { cell = new byte[0]; label = "empty " + column; expect = col == 5 ? Expect.ANY : Expect.REFUSED; }
            default -> {
                return build(index, op, "body", "empty CSV", target(op, Map.of(), baselineQuery(op)), auth(fx.allRolesKey()),
                        new Body("text/csv", new byte[0], false), Expect.REFUSED, true, true);
            }
        }
        var row = new ByteArrayOutputStream();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) row.write(',');
            row.writeBytes(i == col ? cell : utf8(cells[i]));
        }
        byte[] content = concat(latin1(header + "\n"), row.toByteArray(), utf8("\n"));
        return build(index, op, "body", label + " (text/csv)", target(op, Map.of(), baselineQuery(op)), auth(fx.allRolesKey()),
                new Body("text/csv", content, countryIntact), expect, true, true);
    }

    private static boolean required(Operation op, Leaf leaf) {
        if (isIngest(op)) {
            return Set.of("type", "eventId", "patentId", "country", "institution", "sector", "filingDate").contains(leaf.display());
        }
        JsonNode schema = op.bodies().values().iterator().next();
        if (!leaf.display().contains(".") && !leaf.display().contains("[")) {
            for (JsonNode r : schema.path("required")) {
                if (r.asText().equals(leaf.display())) return true;
            }
        }
        return false;
    }

    private static String topName(Leaf leaf) {
        String d = leaf.display();
        int cut = d.length();
        for (char c : new char[]{'.', '['}) {
            int i = d.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return d.substring(0, cut);
    }

    /** The top-level key of {@code leaf} twice: a different value first, the real one after it. */
    private byte[] duplicateKey(ObjectNode base, Leaf leaf) {
        String name = topName(leaf);
        String first = name.equals("country") ? "\"XX\"" : base.get(name).isTextual() ? "\"hostile-duplicate\"" : "null";
        String json = new String(serialize(base), StandardCharsets.UTF_8);
        return utf8("{" + JSON.valueToTree(name).toString() + ":" + first + "," + json.substring(1));
    }

    private static String text(Leaf leaf) {
        return leaf.value().isTextual() ? leaf.value().asText().replace("\\", "\\\\").replace("\"", "\\\"") : "x";
    }

    private static List<Leaf> leaves(JsonNode node, String prefix) {
        var out = new ArrayList<Leaf>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String display = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(new Leaf(node, e.getKey(), -1, e.getValue(), display));
                if (e.getValue().isObject()) {
                    out.addAll(leaves(e.getValue(), display));
                } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                    JsonNode first = e.getValue().get(0);
                    out.add(new Leaf(e.getValue(), null, 0, first, display + "[0]"));
                    if (first.isObject()) {
                        out.addAll(leaves(first, display + "[0]"));
                    }
                }
            }
        }
        return out;
    }

    /** The body with {@code leaf}'s value replaced by raw bytes. */
    private static byte[] replace(ObjectNode base, Leaf leaf, byte[] raw) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = locate(copy, base, leaf.parent());
        if (leaf.name() != null) {
            ((ObjectNode) parent).set(leaf.name(), new TextNode(MARKER));
        } else {
            ((ArrayNode) parent).set(leaf.index(), new TextNode(MARKER));
        }
        return replaceToken(copy, "\"" + MARKER + "\"", raw);
    }

    private static byte[] replaceToken(JsonNode tree, String token, byte[] raw) {
        String json = new String(serialize(tree), StandardCharsets.UTF_8);
        int at = json.indexOf(token);
        return concat(utf8(json.substring(0, at)), raw, utf8(json.substring(at + token.length())));
    }

    private static byte[] remove(ObjectNode base, Leaf leaf) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = locate(copy, base, leaf.parent());
        if (leaf.name() != null) {
            ((ObjectNode) parent).remove(leaf.name());
        } else {
            ((ArrayNode) parent).remove(leaf.index());
        }
        return serialize(copy);
    }

    /** The node of {@code copy} at the place {@code target} has in {@code original} (same shape). */
    private static JsonNode locate(JsonNode copy, JsonNode original, JsonNode target) {
        if (original == target) {
            return copy;
        }
        if (original.isObject()) {
            for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode found = locate(copy.get(name), original.get(name), target);
                if (found != null) return found;
            }
        } else if (original.isArray()) {
            for (int i = 0; i < original.size(); i++) {
                JsonNode found = locate(copy.get(i), original.get(i), target);
                if (found != null) return found;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Baselines: a valid request of each operation

    static boolean isIngest(Operation op) {
        return op.path().equals("/api/v1/events") || op.path().equals("/api/v1/imports");
    }

    private static boolean isAlerts(Operation op) {
        return op.roles().contains("alerts");
    }

    private Body baselineBody(Operation op) {
        if (!op.hasBody()) {
            return null;
        }
        String type = op.bodies().containsKey("application/json") ? "application/json" : op.bodies().keySet().iterator().next();
        if (isIngest(op) && op.bodies().size() > 1) {
            type = pick(new ArrayList<>(op.bodies().keySet()));
        }
        if (type.equals("text/csv")) {
            return new Body(type, utf8(CSV_HEADER + "\n" + String.join(",", csvRow(++unique)) + "\n"), true);
        }
        byte[] json = serialize(baselineJson(op));
        return new Body(type, type.contains("ndjson") ? concat(json, utf8("\n")) : json, true);
    }

    private String[] csvRow(int n) {
        return new String[]{patentId(n), COUNTRY, INSTITUTION, "MATERIALS", "2024-05-05", "Wellington"};
    }

    private String patentId(int n) {
        return COUNTRY + String.format(Locale.ROOT, "9%s%07dA", runTag.length() > 3 ? runTag.substring(0, 3) : runTag, n);
    }

    private ObjectNode baselineJson(Operation op) {
        int n = ++unique;
        ObjectNode o = NODES.objectNode();
        String p = op.path();
        if (p.equals("/api/v1/events")) {
            o.put("type", "PATENT_FILED").put("eventId", "hx-" + runTag + "-" + n).put("patentId", patentId(n))
                    .put("country", COUNTRY).put("institution", INSTITUTION).put("sector", "MATERIALS")
                    .put("filingDate", "2024-05-05").put("city", "Wellington");
        } else if (p.equals("/api/v1/admin/keys")) {
            o.put("principal", "hostile-made").putArray("roles").add("read");
            o.put("description", "made by the hostile-input suite");
        } else if (p.equals("/api/v1/institutions")) {
            o.put("id", "hx-inst-" + n).put("displayName", "Hostile Institute " + n).put("country", COUNTRY)
                    .putArray("aliases").add("Hostile Institute " + n + "*");
        } else if (p.endsWith("/aliases")) {
            o.put("pattern", "Hostile Alias " + n + "*");
        } else if (p.equals("/api/v1/figures/batch")) {
            ArrayNode q = o.putArray("queries");
            q.addObject().put("kind", "COUNTRY").put("key", COUNTRY).put("window", "ALL");
            q.addObject().put("kind", "GLOBAL").put("window", "2024").put("asOf", "2025-06-01");
        } else if (p.startsWith("/api/v1/rules")) {
            o.put("subscriberId", fx.subscriberId()).put("name", "hostile rule " + n);
            o.putObject("subject").put("kind", "COUNTRY").put("key", COUNTRY);
            o.put("metric", "filings").put("window", "ALL").put("condition", "ABOVE").put("threshold", 1.0e12)
                    .put("recoveryThreshold", 1.0e11).put("pendingFor", "PT10M").put("repeatInterval", "PT24H");
            o.putObject("labels").put("team", "hostile");
        } else if (p.startsWith("/api/v1/silences")) {
            o.put("subscriberId", fx.subscriberId());
            o.putObject("matchers").put("team", "hostile");
            o.put("startsAt", today + "T00:00:00Z").put("endsAt", today.plusDays(30) + "T00:00:00Z").put("comment", "hostile silence " + n);
        } else if (p.startsWith("/api/v1/subscribers")) {
            o.put("name", "hostile subscriber " + n);
        } else {
            JsonNode schema = op.bodies().values().iterator().next();
            schema.path("properties").fields().forEachRemaining(f -> {
                JsonNode ex = f.getValue().path("examples").path(0);
                if (!ex.isMissingNode() && !ex.asText().contains("://")) o.set(f.getKey(), ex);
            });
        }
        return o;
    }

    /** The documented examples of the query parameters, with the run's subscriber where one is named. */
    private List<String[]> baselineQuery(Operation op) {
        var q = new ArrayList<String[]>();
        for (Param p : op.in("query")) {
            if (p.name().equals("subscriberId")) {
                q.add(new String[]{p.name(), fx.subscriberId()});
            } else if (p.example() != null) {
                q.add(new String[]{p.name(), encode(p.example())});
            }
        }
        return q;
    }

    /** A valid value for a path parameter: the run's own objects, or ids that exist nowhere for deletions. */
    private String pathValue(Operation op, String param) {
        boolean destructive = op.method().equals("DELETE");
        String p = op.path();
        if (p.startsWith("/api/v1/admin/keys")) return "999999";
        if (param.equals("aliasId")) return destructive ? "999999" : fx.aliasId();
        if (p.startsWith("/api/v1/subscribers")) return destructive ? randomUuid() : fx.subscriberId();
        if (p.startsWith("/api/v1/rules")) return destructive ? randomUuid() : fx.ruleId();
        if (p.startsWith("/api/v1/silences")) return destructive ? randomUuid() : fx.silenceId();
        if (p.startsWith("/api/v1/institutions")) return destructive ? "hx-none" : fx.institutionId();
        return randomUuid();
    }

    private String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private byte[] target(Operation op, Map<String, String> rawPathValues, List<String[]> query) {
        String path = op.path();
        for (Param p : op.in("path")) {
            String v = rawPathValues.getOrDefault(p.name(), encode(pathValue(op, p.name())));
            path = path.replace("{" + p.name() + "}", v);
        }
        var sb = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            sb.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
        }
        return bytes(sb.toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hostile values

    private List<Hostile> queryValues(Param p) {
        var out = new ArrayList<>(textValues());
        Expect bad = Expect.exactly(400);
        switch (p.type()) {
            case "integer" -> {
                Long min = p.minimum();
                Long max = p.maximum();
                if (min != null) out.add(new Hostile(Long.toString(min - 1), bad, "min-1 (" + (min - 1) + ")"));
                if (max != null) out.add(new Hostile(Long.toString(max + 1), bad, "max+1 (" + (max + 1) + ")"));
                for (String v : List.of("2147483648", "-2147483649", "9223372036854775808", "99999999999999999999", "1e309",
                        "1e3", "0x10", "1.5", "abc", "NaN", "Infinity", "%D9%A3", "1%00")) {
                    out.add(new Hostile(v, bad, v));
                }
                for (String v : List.of("2147483647", "007", "-0", "%2B1", "%201", "")) {
                    out.add(new Hostile(v, Expect.ANY, v.isEmpty() ? "empty" : v));
                }
            }
            case "boolean" -> {
                for (String v : List.of("maybe", "yes", "on", "truee")) out.add(new Hostile(v, bad, v));
                for (String v : List.of("1", "TRUE", "")) out.add(new Hostile(v, Expect.ANY, v.isEmpty() ? "empty" : v));
            }
            default -> {
                if (p.hasEnum()) {
                    out.add(new Hostile("nope", bad, "not in the enum"));
                    String first = p.schema().get("enum").get(0).asText();
                    out.add(new Hostile(first + "%00", bad, first + "+NUL"));
                    out.add(new Hostile(first.toLowerCase(Locale.ROOT), Expect.ANY, "lower-case " + first));
                }
                if (Set.of("asOf", "from", "to").contains(p.name())) {
                    for (String v : List.of("%2B999999999-12-31", "-999999999-01-01", "0000-01-01", "1899-12-31", "10000-01-01",
                            "2024-02-30", "2024-13-01", "+999999999-12-31")) {
                        out.add(new Hostile(v, bad, v.startsWith("%2B") ? "+999999999-12-31 (encoded +)" : v));
                    }
                    out.add(new Hostile("1900-01-01", Expect.ANY, "1900-01-01"));
                    out.add(new Hostile("9999-12-31", Expect.ANY, "9999-12-31"));
                }
                if (p.name().equals("window")) {
                    for (String v : List.of("%2B999999999-12-31..%2B999999999-12-31", "1899-01-01..1899-12-31",
                            "0000-01-01..2024-01-01", "2024-01-01..10000-01-01", "P9999999999Y", "10000", "ALL%00")) {
                        out.add(new Hostile(v, bad, v.replace("%2B", "+")));
                    }
                    for (String v : List.of("P999999999Y", "P-1Y", "P0D", "2024-12-31..2024-01-01", "1899", "PT1H")) {
                        out.add(new Hostile(v, Expect.ANY, v));
                    }
                }
                if (p.name().equals("kind")) {
                    out.add(new Hostile("COUNTRYX", bad, "COUNTRYX"));
                    out.add(new Hostile("country", Expect.ANY, "country"));
                }
            }
        }
        return out;
    }

    /** Text for any parameter; NUL, control characters and invalid UTF-8 must be refused. */
    private static List<Hostile> textValues() {
        Expect bad = Expect.exactly(400);
        return List.of(
                new Hostile("%00", bad, "NUL"), new Hostile("a%00b", bad, "NUL inside"), new Hostile("%1B", bad, "ESC"),
                new Hostile("%7F", bad, "DEL"), new Hostile("%C2%85", bad, "NEL (C1)"), new Hostile("%E2%80%8B", bad, "zero-width space"),
                new Hostile("%C0%BC", Expect.REFUSED, "overlong UTF-8"), new Hostile("%ED%A0%80", Expect.REFUSED, "UTF-8 surrogate"),
                new Hostile("%FF", Expect.REFUSED, "byte 0xFF"), new Hostile("%E2%82", Expect.REFUSED, "truncated UTF-8"),
                new Hostile("%G1", Expect.REFUSED, "bad percent escape"),
                new Hostile("%0D%0ASet-Cookie:%20x=1", Expect.ANY, "CRLF"), new Hostile("%09", Expect.ANY, "tab"),
                new Hostile("Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC", Expect.ANY, "non-ASCII text"),
                new Hostile("'%20OR%20'1'='1", Expect.ANY, "SQL"), new Hostile("..%2F..%2Fetc%2Fpasswd", Expect.ANY, "traversal"),
                new Hostile("%3Cscript%3Ealert(1)%3C%2Fscript%3E", Expect.ANY, "markup"),
                new Hostile("A".repeat(5_000), Expect.REFUSED, "5,000 characters"),
                new Hostile("A".repeat(9_000), Expect.exactly(414), "9,000 characters (request line over 8 KiB)"));
    }

    private static List<Hostile> pathValues() {
        var out = new ArrayList<Hostile>();
        for (Hostile h : textValues()) {
            out.add(h.expect().equals(Expect.exactly(414)) ? h
                    : new Hostile(h.raw(), h.label().equals("traversal") ? Expect.ANY : Expect.REFUSED, h.label()));
        }
        for (String v : List.of("-1", "0", "2147483648", "9223372036854775808", "1e309", "0x10", "1.5")) {
            out.add(new Hostile(v, Expect.REFUSED, v));
        }
        out.add(new Hostile("%2e%2e", Expect.ANY, "%2e%2e"));
        out.add(new Hostile("..", Expect.ANY, ".."));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private String wrongRoleKey(Operation op) {
        for (String role : List.of("read", "ingest", "alerts", "admin")) {
            if (!op.roles().contains(role)) {
                return fx.singleRoleKeys().get(role);
            }
        }
        throw new IllegalStateException("no role is missing from " + op.id());
    }

    private static List<Header> auth(String key) {
        return List.of(new Header("Authorization", "Bearer " + key));
    }

    private Case build(int index, Operation op, String family, String label, byte[] target, List<Header> credentials,
                       Body body, Expect expect, boolean authenticated, boolean countryIntact) {
        var headers = new ArrayList<>(credentials);
        var accept = new ArrayList<>(op.produces().isEmpty() ? List.of("application/json") : op.produces());
        accept.add("application/problem+json");
        headers.add(new Header("Accept", String.join(", ", accept)));
        byte[] content = null;
        boolean intact = countryIntact;
        if (body != null) {
            if (body.type() != null) {
                headers.add(new Header("Content-Type", body.type()));
            }
            content = body.bytes();
            intact &= body.countryIntact();
        }
        return new Case(index, op.id(), family, label, new RawHttp.Request(op.method(), target, headers, content), expect,
                isIngest(op) && body != null, intact, authenticated);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] serialize(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] quoted(String jsonStringContent) {
        return utf8("\"" + jsonStringContent + "\"");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Each char one byte: for invalid UTF-8 on purpose. */
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String target) {
        return latin1(target);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String weighted(List<String> names, List<Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < names.size(); i++) {
            r -= weights.get(i);
            if (r < 0) return names.get(i);
        }
        return names.get(names.size() - 1);
    }

    private static void add(List<String> names, List<Integer> weights, String name, int weight) {
        names.add(name);
        weights.add(weight);
    }

    /** A key of the right shape that no one holds. */
    private String unknownKey() {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) b[i] = (byte) random.nextInt(256);
        return "np_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
