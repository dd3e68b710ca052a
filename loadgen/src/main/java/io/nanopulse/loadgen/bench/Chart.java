package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** results.html: throughput and latency bars as inline SVG (no external scripts), plus the raw JSON. */
final class Chart {
    private Chart() {
    }

    private record Bar(String label, double value, String unit) {
    }

    static String html(Map<String, Object> results) throws Exception {
        var throughput = new ArrayList<Bar>();
        var latency = new ArrayList<Bar>();
        if (results.get("raw") instanceof Map<?, ?> raw) {
            add(throughput, "Kafka ProducerPerformance", raw.get("kafkaProducerRecordsPerSecond"), "records/s");
            add(throughput, "Kafka ConsumerPerformance", raw.get("kafkaConsumerRecordsPerSecond"), "records/s");
            add(throughput, "PostgreSQL patent rows", raw.get("postgresPatentRowsPerSecond"), "rows/s");
        }
        if (results.get("replay") instanceof Map<?, ?> replay) {
            add(throughput, "Gateway intake (send)", replay.get("sendEventsPerSecond"), "events/s");
            add(throughput, "End to end (applied)", replay.get("endToEndEventsPerSecond"), "events/s");
        }
        if (results.get("metricsDrain") instanceof Map<?, ?> d) {
            for (var step : List.of(List.of("warm", "metrics-service draining a backlog (warm)"),
                    List.of("restartedCold", "metrics-service draining a backlog (just restarted)"),
                    List.of("running", "metrics-service draining a backlog (while it is produced)"))) {
                if (d.get(step.get(0)) instanceof Map<?, ?> m) {
                    add(throughput, step.get(1), m.get("eventsPerSecond"), "events/s");
                }
            }
        }
        if (results.get("metricsQueryLatency") instanceof Map<?, ?> q) {
            for (var e : q.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    add(latency, "metrics " + e.getKey().toString().replaceAll("&.*", "") + " p99", m.get("p99Millis"), "ms");
                }
            }
        }
        if (results.get("alertLatency") instanceof Map<?, ?> a) {
            add(latency, "Alert p50", a.get("p50Millis"), "ms");
            add(latency, "Alert p99", a.get("p99Millis"), "ms");
        }
        if (results.get("gatewayLatency") instanceof Map<?, ?> g) {
            for (var e : g.entrySet()) {
                String path = e.getKey().toString().replaceAll("\\?.*", "");
                if (e.getValue() instanceof Map<?, ?> m) {
                    add(latency, "Gateway " + path + " p50", m.get("p50Millis"), "ms");
                    add(latency, "Gateway " + path + " p99", m.get("p99Millis"), "ms");
                }
            }
        }
        return "<!doctype html><html><head><meta charset=utf-8><title>Nanopulse benchmark</title>"
                + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style></head><body>"
                + "<h1>Nanopulse benchmark</h1><h2>Throughput</h2>" + bars(throughput, "#2b6cb0")
                + "<h2>Latency</h2>" + bars(latency, "#c05621")
                + "<h2>All results</h2><pre>" + escape(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results))
                + "</pre></body></html>\n";
    }

    private static void add(List<Bar> bars, String label, Object value, String unit) {
        if (value instanceof Number n && n.doubleValue() >= 0) bars.add(new Bar(label, n.doubleValue(), unit));
    }

    private static String bars(List<Bar> bars, String colour) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int rowHeight = 28;
        var sb = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='900' height='" + (bars.size() * rowHeight + 10) + "'>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * rowHeight + 5;
            int w = (int) Math.max(1, 500 * b.value() / max);
            sb.append("<text x='0' y='").append(y + 17).append("' font-size='13'>").append(escape(b.label())).append("</text>")
                    .append("<rect x='260' y='").append(y).append("' width='").append(w).append("' height='20' fill='").append(colour).append("'/>")
                    .append("<text x='").append(265 + w).append("' y='").append(y + 15).append("' font-size='12'>")
                    .append(String.format("%,.1f %s", b.value(), b.unit())).append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
