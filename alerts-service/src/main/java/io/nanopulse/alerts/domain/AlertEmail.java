package io.nanopulse.alerts.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What an alert e-mail says, read from the notifications it carries (the CloudEvent JSON webhooks get): a short
 * subject, and per transition the rule, the state change, the value, the explanation and links. One notification
 * makes an alert; several make a digest. Templates render it as text and as HTML.
 *
 * @param rulesPage the gateway's rules page
 */
public record AlertEmail(String subject, List<Item> items, String rulesPage) {

    /**
     * One transition. {@code explanation} lines are plain sentences; {@code contributors} lines name a member
     * and its change (e.g. {@code COUNTRY_SECTOR CN/MATERIALS: +12 filings (30 -> 42)}).
     */
    public record Item(String ruleName, String ruleId, String transition, String from, String to, String at,
                       String subject, String metric, String window, String value, String threshold,
                       List<String> explanation, List<String> contributors, String stateLink, String ruleLink) {
    }

    /** @param links the public links (their {@link PublicLinks#rulesPage()} is the page the message points to) */
    public static AlertEmail of(List<String> payloads, PublicLinks links) {
        List<Item> items = new ArrayList<>();
        for (String p : payloads) {
            items.add(item(read(p), links));
        }
        String subject = items.size() == 1
                ? "[Nanopulse] " + items.get(0).transition() + ": " + items.get(0).ruleName()
                : "[Nanopulse] " + items.size() + " alert transitions";
        return new AlertEmail(oneLine(subject, 200), List.copyOf(items), links.rulesPage());
    }

    private static JsonNode read(String payload) {
        try {
            return Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification is not JSON", e);
        }
    }

    private static Item item(JsonNode n, PublicLinks links) {
        JsonNode data = n.path("data");
        JsonNode rule = data.path("rule");
        JsonNode t = data.path("transition");
        JsonNode subject = data.path("subject");
        JsonNode ex = data.path("explanation");
        String metric = text(rule.path("metric"));
        List<String> explanation = new ArrayList<>();
        if (ex.hasNonNull("comparison")) {
            explanation.add("Rule: " + text(ex.path("comparison")));
        }
        if (ex.hasNonNull("previousValue")) {
            explanation.add("Previous value: " + number(ex.path("previousValue"))
                    + (ex.hasNonNull("previousAsOf") ? " (as of " + text(ex.path("previousAsOf")) + ")" : ""));
        }
        if (ex.hasNonNull("asOf")) {
            explanation.add("Value as of " + text(ex.path("asOf")) + ": " + number(ex.path("value")));
        }
        change(explanation, "Numerator (" + text(ex.path("countOf")) + ")", ex.path("numerator"));
        change(explanation, "Denominator", ex.path("denominator"));
        List<String> contributors = new ArrayList<>();
        for (String field : List.of("contributors", "otherContributors")) {
            for (JsonNode c : ex.path(field)) {
                long change = c.path("change").asLong();
                contributors.add(text(c.path("kind")) + " " + text(c.path("key")) + ": " + (change > 0 ? "+" : "")
                        + change + " (" + c.path("before").asLong() + " -> " + c.path("after").asLong() + ")");
            }
        }
        String ruleId = text(rule.path("id"));
        return new Item(oneLine(text(rule.path("name")), 200), ruleId, text(t.path("kind")), text(t.path("from")),
                text(t.path("to")), text(t.path("at")),
                subject.isMissingNode() || subject.isNull() ? "-" : text(subject.path("kind")) + " " + text(subject.path("key")),
                metric, text(data.path("window")), number(data.path("value")), number(data.path("threshold")),
                explanation, contributors, text(data.path("links").path("state")), links.rulesPage(ruleId));
    }

    private static void change(List<String> out, String label, JsonNode c) {
        if (c.hasNonNull("before") || c.hasNonNull("after")) {
            out.add(label + ": " + c.path("before").asLong() + " -> " + c.path("after").asLong());
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    /** Up to six significant digits, no exponent: 0.123457, 150, 1234570. */
    static String number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "-";
        }
        return format(n.asDouble());
    }

    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Header-safe: control characters (CR, LF...) become spaces; at most {@code max} characters. */
    static String oneLine(String s, int max) {
        String flat = s.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
