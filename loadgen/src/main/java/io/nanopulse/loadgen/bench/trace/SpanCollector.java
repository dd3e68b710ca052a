package io.nanopulse.loadgen.bench.trace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP (protobuf) trace receiver on a free loopback port, for the benchmark: the services export their
 * recorded spans to it ({@link #serviceEnv()}) and it keeps them by trace id and span id.
 *
 * <p>Which traces are recorded: the services' sampler is the trace-id ratio sampler (fixed at build time), which
 * keeps a trace when the last 16 hex digits of its id, read as a number, lie below the ratio's share of
 * {@code Long.MAX_VALUE}. {@link #serviceEnv()} sets a ratio of {@value #RATIO}, so the services record
 * practically none of the background load's traces, and {@link #sampledTraceId()} makes ids below that bound:
 * a request sent with {@link #traceparent(String)} of such an id is recorded by every service it reaches.
 */
public final class SpanCollector implements AutoCloseable {
    /** The sampler ratio the services run with while exporting here. */
    public static final String RATIO = "1e-9";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A link from a span to another trace's span (e.g. a batch span to the other records it applied). */
    public record Link(String traceId, String spanId) {
    }

    /** One finished span; times in nanoseconds since the epoch (the exporting service's clock: same machine). */
    public record Span(String service, String name, String traceId, String spanId, String parentSpanId,
                       long startEpochNanos, long endEpochNanos, List<Link> links) {
        public double millis() {
            return (endEpochNanos - startEpochNanos) / 1e6;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, List<Span>> byTrace = new ConcurrentHashMap<>();
    private final Map<String, Span> bySpan = new ConcurrentHashMap<>();
    private final Map<String, List<Span>> byLinkedTrace = new ConcurrentHashMap<>();

    private SpanCollector(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a collector on a free port of 127.0.0.1. */
    public static SpanCollector start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "span-collector");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        var collector = new SpanCollector(server, executor);
        server.createContext("/", collector::handle);
        server.start();
        return collector;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * What each service's environment needs to export here: the OTLP/HTTP protobuf endpoint, the sampler ratio
     * {@link #sampledTraceId()} ids pass, and a short batch-export delay so spans arrive while the run goes on.
     */
    public Map<String, String> serviceEnv() {
        return Map.of(
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + port(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", RATIO,
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
    }

    /** A fresh random trace id that the services' sampler (at {@link #RATIO}) records. */
    public static String sampledTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        // The last 8 bytes, as a number, below 2^31 (the bound at RATIO is about 9.2e9).
        id[8] = id[9] = id[10] = id[11] = 0;
        id[12] &= 0x7f;
        return HEX.formatHex(id);
    }

    /** A sampled W3C traceparent starting the trace {@code traceId}. */
    public static String traceparent(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        span[0] |= 1; // never all zeros
        return "00-" + traceId + "-" + HEX.formatHex(span) + "-01";
    }

    /** The spans of a trace received so far. */
    public List<Span> trace(String traceId) {
        return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
    }

    /** The spans of other traces that link into {@code traceId}. */
    public List<Span> linking(String traceId) {
        return List.copyOf(byLinkedTrace.getOrDefault(traceId, List.of()));
    }

    public Optional<Span> span(String spanId) {
        return Optional.ofNullable(bySpan.get(spanId));
    }

    /** Every span received so far. */
    public List<Span> all() {
        return List.copyOf(bySpan.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(in);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans rs : request.getResourceSpansList()) {
                String service = rs.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                        .map(v -> v.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (var s : ss.getSpansList()) {
                        add(service, s);
                    }
                }
            }
            byte[] body = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void add(String service, io.opentelemetry.proto.trace.v1.Span s) {
        var links = new ArrayList<Link>(s.getLinksCount());
        for (var l : s.getLinksList()) {
            links.add(new Link(HEX.formatHex(l.getTraceId().toByteArray()), HEX.formatHex(l.getSpanId().toByteArray())));
        }
        String parent = s.getParentSpanId().isEmpty() ? null : HEX.formatHex(s.getParentSpanId().toByteArray());
        var span = new Span(service, s.getName(), HEX.formatHex(s.getTraceId().toByteArray()),
                HEX.formatHex(s.getSpanId().toByteArray()), parent, s.getStartTimeUnixNano(), s.getEndTimeUnixNano(),
                List.copyOf(links));
        add(span);
    }

    /** Keeps one finished span. */
    void add(Span span) {
        bySpan.put(span.spanId(), span);
        byTrace.computeIfAbsent(span.traceId(), k -> new CopyOnWriteArrayList<>()).add(span);
        for (Link l : span.links()) {
            byLinkedTrace.computeIfAbsent(l.traceId(), k -> new CopyOnWriteArrayList<>()).add(span);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
