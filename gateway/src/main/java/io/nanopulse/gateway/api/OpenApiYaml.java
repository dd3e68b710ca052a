package io.nanopulse.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Serves the YAML form of the OpenAPI document ({@code /q/openapi}, its default) with every string quoted that a
 * YAML 1.1 reader (PyYAML, SnakeYAML, js-yaml) would otherwise read as a timestamp or a sexagesimal number, so
 * that {@code 2030-01-01T00:00:00Z} stays the string the API takes. The JSON form is Quarkus' own.
 */
@ApplicationScoped
public class OpenApiYaml {
    private static final String PATH = "/q/openapi";
    /** Before Quarkus' own document route. */
    private static final int ORDER = -50;
    /** YAML 1.1 timestamps (yaml.org/type/timestamp) and base-60 numbers (yaml.org/type/int, float). */
    private static final Pattern YAML11_TYPED = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

    private final OpenApiDocumentService documents;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .stringQuotingChecker(new Yaml11Quoting())
            .build());

    public OpenApiYaml(OpenApiDocumentService documents) {
        this.documents = documents;
    }

    void install(@Observes Router router) {
        for (String path : List.of(PATH, PATH + ".yaml", PATH + ".yml")) {
            router.get(path).order(ORDER).blockingHandler(this::serve);
        }
    }

    void serve(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        List<String> format = ctx.queryParam("format");
        boolean wantsJson = ctx.normalizedPath().equals(PATH) && ((accept != null && accept.contains(Format.JSON.getMimeType()))
                || (!format.isEmpty() && format.get(0).toUpperCase(Locale.ROOT).equals("JSON")));
        if (wantsJson) {
            ctx.next();
            return;
        }
        try {
            JsonNode doc = json.readTree(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            ctx.response().putHeader("Content-Type", Format.YAML.getMimeType() + ";charset=UTF-8")
                    .end(yaml.writeValueAsString(doc));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    /** Jackson's checks (reserved words such as yes/no/on/off, special characters) plus YAML 1.1's implicit types. */
    static final class Yaml11Quoting extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YAML11_TYPED.matcher(value).matches();
        }
    }
}
