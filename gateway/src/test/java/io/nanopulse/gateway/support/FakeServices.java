package io.nanopulse.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the stand-ins of ingest-, metrics- and alerts-service once per test JVM and points the gateway at them:
 * each service's API and, apart, its management interface (health, Prometheus metrics), as the real ones serve
 * them on two ports.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
    public static final String COUNTRIES = "CN,US,JP,KR,DE,FR,GB,IN,TW,CH";
    public static FakeService ingest;
    public static FakeService metrics;
    public static FakeService alerts;
    public static FakeService ingestManagement;
    public static FakeService metricsManagement;
    public static FakeService alertsManagement;

    static synchronized void startOnce() {
        if (metrics != null) {
            return;
        }
        ingest = new FakeService()
                .route("/events", x -> new FakeService.Answer(202, "application/json",
                        "{\"accepted\":1,\"rejected\":0,\"duplicates\":0,\"errors\":[],\"errorsTruncated\":false,\"bytes\":${bodyBytes}}"))
                .route("/imports", x -> new FakeService.Answer(202, "application/json",
                        "{\"accepted\":2,\"rejected\":0,\"duplicates\":0,\"errors\":[],\"errorsTruncated\":false,\"bytes\":${bodyBytes}}"));
        ingestManagement = new FakeService().route("/q/health/ready", "{\"status\":\"UP\"}");
        metrics = new FakeService()
                .route("/", "{\"ok\":true}")
                .route("/metrics/figures", ExplorerData.figures("{\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\",\"name\":\"CN\"},\"filings\":123,"
                        + "\"share\":{\"numerator\":123,\"denominator\":456,\"value\":0.26973684}}"))
                .route("/metrics/rankings", ExplorerData.rankings(rankings()))
                .route("/metrics/timeseries", ExplorerData.series(series()))
                .route("/institutions", ExplorerData::institutions)
                // A created group's Location as Quarkus writes it: absolute, on the service's own address.
                .route("/groups", x -> x.getRequestMethod().equals("POST")
                        ? new FakeService.Answer(201, "application/json", "{\"name\":\"us-jp-kr\"}",
                        "http://127.0.0.1:" + x.getLocalAddress().getPort() + "/groups/us-jp-kr")
                        : ExplorerData.groups(x, "{\"name\":\"us-jp-kr\"}"))
                .route("/metrics/progress", "{\"eventsApplied\":1000,\"eventsWithEffect\":990,\"deadLettered\":2,"
                        + "\"lastAppliedAt\":\"2025-06-01T11:59:58Z\",\"patents\":900,\"parked\":0,\"unpublishedChanges\":0}")
                .route("/institutions/missing", x -> new FakeService.Answer(404, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no institution missing\"}"))
                .route("/institutions/plain-error", x -> new FakeService.Answer(500, "text/html", "<html>boom</html>"));
        metricsManagement = new FakeService().route("/q/health/ready", "{\"status\":\"UP\"}");
        alerts = new FakeService()
                .route("/", "{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")
                .route("/subscribers/", "{\"id\":\"0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11\",\"name\":\"ops\"}");
        alertsManagement = new FakeService()
                .route("/q/health/ready", x -> new FakeService.Answer(503, "application/json", "{\"status\":\"DOWN\"}"))
                .route("/q/metrics", x -> new FakeService.Answer(200, "text/plain",
                        "# TYPE nanopulse_alerts_webhook_deliveries_total counter\n"
                                + "nanopulse_alerts_webhook_deliveries_total{outcome=\"delivered\"} 6.0\n"
                                + "nanopulse_alerts_webhook_deliveries_total{outcome=\"retry\"} 2.0\n"
                                + "nanopulse_alerts_webhook_deliveries_total{outcome=\"ignored\"} 5.0\n"));
        for (FakeService s : List.of(ingest, metrics, alerts, ingestManagement, metricsManagement, alertsManagement)) {
            s.start();
        }
    }

    static String rankings() {
        List<String> entries = new ArrayList<>();
        String[] cc = COUNTRIES.split(",");
        for (int i = 0; i < cc.length; i++) {
            double share = (cc.length - i) / 60.0;
            entries.add("{\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"" + cc[i] + "\",\"name\":\"" + cc[i] + "\"},\"filings\":" + (100 - i)
                    + ",\"share\":{\"numerator\":" + (100 - i) + ",\"denominator\":1000,\"value\":" + share + "}}");
        }
        return "{\"kind\":\"COUNTRY\",\"metric\":\"share\",\"globalFilings\":1000,\"entries\":[" + String.join(",", entries) + "]}";
    }

    static String series() {
        List<String> points = new ArrayList<>();
        for (int y = 2001; y <= 2023; y++) {
            points.add("{\"period\":\"" + y + "-01-01\",\"filings\":" + y + ",\"globalFilings\":10000,\"share\":{\"numerator\":"
                    + y + ",\"denominator\":10000,\"value\":" + ((y - 2000) / 100.0) + "}}");
        }
        // The last two years have no filings at all: no share (a gap in the chart, not 0%).
        for (int y = 2024; y <= 2025; y++) {
            points.add("{\"period\":\"" + y + "-01-01\",\"filings\":0,\"globalFilings\":0,\"share\":{\"numerator\":0,"
                    + "\"denominator\":0,\"value\":null}}");
        }
        return "{\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\",\"name\":\"CN\"},\"interval\":\"YEAR\",\"points\":["
                + String.join(",", points) + "]}";
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of("quarkus.rest-client.ingest.url", ingest.url(),
                "quarkus.rest-client.metrics.url", metrics.url(),
                "quarkus.rest-client.alerts.url", alerts.url(),
                "quarkus.rest-client.ingest-management.url", ingestManagement.url(),
                "quarkus.rest-client.metrics-management.url", metricsManagement.url(),
                "quarkus.rest-client.alerts-management.url", alertsManagement.url());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }
}
