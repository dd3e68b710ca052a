package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nanopulse figures CN}: one subject's figures over a window, as a person reads them. Needs the read role. */
@Command(name = "figures", mixinStandardHelpOptions = true,
        header = "Print one subject's figures over a window (read role).",
        description = "Print one subject's figures: filings, grants, licensed, share of global filings, licensing rate. "
                + "Needs a key with the read role. Reads lag writes by a few seconds (apply time plus the gateway's read cache).")
final class FiguresCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    GatewayOptions gateway;

    @Parameters(paramLabel = "KEY", arity = "0..1",
            description = "The subject: CN, an institution id such as cas, CN/SEMICONDUCTORS, CN/Shanghai, a group such as us-jp-kr; none for GLOBAL.")
    String key;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "COUNTRY",
            description = "GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY or GROUP (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--window", paramLabel = "WINDOW", defaultValue = "ALL",
            description = "ALL, a year (2024), a trailing period (P12M, P5Y) or a range (2020-01-01..2020-12-31) (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As it stood on that date (default: today, UTC).")
    String asOf;

    @Option(names = "--json", description = "The API's answer as it is.")
    boolean json;

    FiguresCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        String k = kind.toUpperCase(Locale.ROOT);
        if (!k.equals("GLOBAL") && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("a " + k + " needs a KEY (e.g. nanopulse figures CN)");
        }
        JsonNode f = gateway.gateway().figures(k, k.equals("GLOBAL") ? "" : key, window, asOf);
        if (json) {
            cli.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(f));
            return 0;
        }
        JsonNode s = f.path("subject");
        JsonNode w = f.path("window");
        var t = new StringBuilder(String.format(Locale.ROOT, "%s %s%s, window %s (%s..%s), as of %s%n", s.path("kind").asText(),
                s.path("key").asText(), s.path("name").asText().equals(s.path("key").asText()) ? "" : " (" + s.path("name").asText() + ")",
                w.path("spec").asText(window), day(w.path("from")), day(w.path("to")), f.path("asOf").asText()));
        Summary.row(t, "filings", Summary.count(f.path("filings").asLong()));
        Summary.row(t, "grants", Summary.count(f.path("grants").asLong()));
        Summary.row(t, "licensed", Summary.count(f.path("licensed").asLong()));
        Summary.row(t, "share", ratio(f.path("share")) + " of global filings");
        Summary.row(t, "licensing rate", ratio(f.path("licensingRate")) + " of its filings licensed or transferred");
        cli.out().println(t.toString().stripTrailing());
        return 0;
    }

    private static String day(JsonNode d) {
        return d.isTextual() ? d.asText() : "…";
    }

    private static String ratio(JsonNode r) {
        String value = r.path("value").isNull() || r.path("value").isMissingNode() ? "-"
                : String.format(Locale.ROOT, "%.2f%%", r.path("value").asDouble() * 100);
        return value + " (" + Summary.count(r.path("numerator").asLong()) + " / " + Summary.count(r.path("denominator").asLong()) + ")";
    }
}
