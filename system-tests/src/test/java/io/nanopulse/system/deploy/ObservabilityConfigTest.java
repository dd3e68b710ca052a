package io.nanopulse.system.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/observability checked by Prometheus's own promtool (config, rules and the rules' unit tests), and the
 * Grafana dashboard and loopback scrape targets checked against the services' configuration. promtool missing
 * fails these tests (deploy/test.sh installs it).
 */
class ObservabilityConfigTest {
    static final Path DIR = Promtool.root().resolve("deploy/observability");

    private static void assertPasses(Promtool.Result r, String what) {
        assertTrue(r.ok(), what + " failed (exit " + r.exitCode() + "):\n" + r.output());
    }

    @Test
    void scrapeConfigsAreValid() {
        for (String config : List.of("prometheus.yml", "prometheus-kubernetes.yml")) {
            var r = Promtool.run(null, "check", "config", DIR.resolve(config).toString());
            assertPasses(r, "promtool check config " + config);
            assertTrue(r.output().contains("1 rule files found"), config + " loads the alerting rules:\n" + r.output());
        }
    }

    @Test
    void alertingRulesAreValidAndPassTheirUnitTests() {
        var check = Promtool.run(null, "check", "rules", DIR.resolve("rules/nanopulse-alerts.yml").toString());
        assertPasses(check, "promtool check rules");
        assertTrue(check.output().contains("6 rules found"), check.output());
        assertPasses(Promtool.run(null, "test", "rules", DIR.resolve("tests/nanopulse-alerts.test.yml").toString()),
                "promtool test rules");
    }

    @Test
    void everyAlertHasAUnitTest() throws IOException {
        Set<String> alerts = names(Files.readString(DIR.resolve("rules/nanopulse-alerts.yml")), "- alert: (\\w+)");
        Set<String> tested = names(Files.readString(DIR.resolve("tests/nanopulse-alerts.test.yml")), "alertname: (\\w+)");
        assertEquals(Set.of("NanopulseServiceDown", "NanopulseConsumerLagGrowing", "NanopulseMetricsStalled",
                "NanopulseDeadLettersGrowing", "NanopulseWebhookFailureRateHigh", "NanopulseWebhookDeliveriesExhausted"), alerts);
        assertEquals(alerts, tested);
    }

    private static Set<String> names(String text, String regex) {
        Set<String> out = new HashSet<>();
        var m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void promtoolCatchesABrokenRule(@TempDir Path tmp) throws IOException {
        // The wiring really reports failures: a rule with a PromQL syntax error must not pass.
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, """
                groups:
                  - name: broken
                    rules:
                      - alert: Broken
                        expr: sum(rate(nanopulse_metrics_events_applied_total[5m])
                """);
        var r = Promtool.run(null, "check", "rules", bad.toString());
        assertFalse(r.ok(), "promtool accepted a rule with unbalanced parentheses:\n" + r.output());
    }

    @Test
    void loopbackTargetsAreTheServicesDefaultManagementPorts() throws IOException {
        String config = Files.readString(DIR.resolve("prometheus.yml"));
        var target = Pattern.compile("targets: \\[\"127\\.0\\.0\\.1:(\\d+)\"]\\s+labels: \\{service: ([a-z-]+)}").matcher(config);
        Map<String, Integer> targets = new TreeMap<>();
        while (target.find()) targets.put(target.group(2), Integer.parseInt(target.group(1)));
        Map<String, Integer> defaults = new TreeMap<>();
        var port = Pattern.compile("(?m)^quarkus\\.management\\.port=(?:\\$\\{[A-Z_]+:)?(\\d+)}?$");
        for (String service : List.of("gateway", "ingest-service", "metrics-service", "alerts-service")) {
            var m = port.matcher(Files.readString(Promtool.root().resolve(service + "/src/main/resources/application.properties")));
            assertTrue(m.find(), service + " declares quarkus.management.port");
            defaults.put(service, Integer.parseInt(m.group(1)));
        }
        assertEquals(defaults, targets);
        assertTrue(config.contains("metrics_path: /q/metrics"), "Micrometer's path on the management interface");
    }

    @Test
    void kubernetesTargetsAreTheManagementPorts() throws IOException {
        String config = Files.readString(DIR.resolve("prometheus-kubernetes.yml"));
        var target = Pattern.compile("names: \\[([a-z-]+)-pods\\.[a-z.]+]\\s+type: A\\s+port: (\\d+)").matcher(config);
        Map<String, Integer> targets = new TreeMap<>();
        while (target.find()) targets.put(target.group(1), Integer.parseInt(target.group(2)));
        Map<String, Integer> management = new TreeMap<>();
        for (String service : List.of("gateway", "ingest-service", "metrics-service", "alerts-service")) {
            management.put(service, Integer.parseInt(ComposeFileTest.managementPort(service)));
        }
        assertEquals(management, targets);
    }

    @Test
    void dashboardHasThePanelsOperatorsNeed() throws IOException {
        JsonNode dash = new ObjectMapper().readTree(DIR.resolve("grafana/nanopulse-dashboard.json").toFile());
        assertEquals("nanopulse-overview", dash.path("uid").asText());
        Set<Integer> ids = new HashSet<>();
        List<String> exprs = new ArrayList<>();
        Map<String, String> byTitle = new TreeMap<>();
        for (JsonNode panel : dash.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
            StringBuilder all = new StringBuilder();
            for (JsonNode t : panel.path("targets")) {
                String expr = t.path("expr").asText();
                assertFalse(expr.isBlank(), panel.path("title") + " has an empty query");
                exprs.add(expr);
                all.append(expr).append('\n');
            }
            byTitle.put(panel.path("title").asText(), all.toString());
        }
        Map<String, String> needed = Map.of(
                "Events in / out per second", "nanopulse_ingest_events_accepted_total",
                "Kafka consumer lag (records)", "kafka_consumer_fetch_manager_records_lag_max",
                "Dead letters per 5 minutes (patent-events.dlq)", "nanopulse_metrics_dead_letters_total",
                "Webhook deliveries by outcome", "nanopulse_alerts_webhook_deliveries_total",
                "Webhook latency", "nanopulse_alerts_webhook_latency_seconds_bucket",
                "JVM heap", "jvm_memory_used_bytes");
        needed.forEach((title, metric) -> assertTrue(byTitle.getOrDefault(title, "").contains(metric),
                "panel '" + title + "' must query " + metric + "; panels: " + byTitle.keySet()));
        assertTrue(byTitle.get("Events in / out per second").contains("nanopulse_metrics_events_applied_total"), "events out");
        // Every query is valid PromQL: promtool parses it as a recording rule.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            rules.append("      - record: dashboard:q").append(i).append("\n        expr: ")
                    .append(new ObjectMapper().writeValueAsString(exprs.get(i).replace("$__rate_interval", "1m"))).append('\n');
        }
        Path tmp = Files.createTempFile("dashboard-queries", ".yml");
        try {
            Files.writeString(tmp, rules);
            assertPasses(Promtool.run(null, "check", "rules", tmp.toString()), "dashboard queries as PromQL");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
