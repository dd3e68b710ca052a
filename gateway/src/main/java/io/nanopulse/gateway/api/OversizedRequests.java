package io.nanopulse.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Refuses a request too large to take before anything else runs (414 request line, 431 headers, 413 declared
 * body), as problem+json, and closes its connection. The framework's own refusals, which have no body, are
 * kept for requests past its higher ceilings (quarkus.http.limits.*).
 */
@ApplicationScoped
public class OversizedRequests {
    /** Before every other route, the framework's body-size check (order -2) included. */
    static final int ORDER = -100;

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final long maxBody;
    private final ObjectMapper json;

    public OversizedRequests(GatewayConfig config, ObjectMapper json,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.maxRequestLine = config.limits().maxRequestLine();
        this.maxHeaderSize = config.limits().maxHeaderSize();
        this.maxBody = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int line = request.method().name().length() + request.uri().length() + request.version().name().length() + 2;
        if (line > maxRequestLine) {
            refuse(ctx, Problem.of(ProblemType.URI_TOO_LONG, "the request line is longer than " + maxRequestLine
                    + " bytes; send fewer or shorter parameters"));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > maxHeaderSize) {
            refuse(ctx, Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request headers are larger than "
                    + maxHeaderSize + " bytes"));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && declaredLength(length) > maxBody) {
            refuse(ctx, Problem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + maxBody + " bytes"));
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close")
                .end(body)
                .onComplete(done -> ctx.request().connection().close());
    }
}
