package io.nanopulse.loadgen;

import io.nanopulse.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nanopulse stats}: the corpus's own figures, computed here; nothing is sent. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        header = "Print the demo corpus's own figures; nothing is sent.",
        description = "Print the demo corpus's own figures (what a fresh platform shows once it is loaded); nothing is sent.")
final class StatsCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--json", description = "Every figure of the generator's record (global, countries, holders, years) as JSON.")
    boolean json;

    StatsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        Map<String, Object> stats = LoadGen.stats(corpus.corpus());
        if (json) {
            cli.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats));
            return 0;
        }
        var countries = (Map<String, Truth.Counts>) stats.get("countries");
        var holders = (Map<String, Truth.Counts>) stats.get("holders");
        long global = ((Truth.Counts) stats.get("global")).filings();
        Truth.Counts cn = countries.get("CN");
        long usJpKr = countries.get("US").filings() + countries.get("JP").filings() + countries.get("KR").filings();
        var top = holders.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.filings(), b.filings()))).orElseThrow();
        String topName = Calibration.HOLDERS.stream().filter(h -> h.id().equals(top.getKey())).findFirst().orElseThrow().displayName();
        var r = new LinkedHashMap<String, Object>();
        r.put("globalFilings", global);
        r.put("cnFilings", cn.filings());
        r.put("cnShare", (double) cn.filings() / global);
        r.put("usJpKrShare", (double) usJpKr / global);
        r.put("topHolder", Map.of("name", topName, "filings", top.getValue().filings()));
        r.put("cnLicensingRate", cn.licensingRate());
        var t = new StringBuilder(String.format("The demo corpus (seed %d, scale %s)%n", corpus.seed, corpus.scale));
        Summary.row(t, "events", Summary.count(stats.get("events")));
        Summary.row(t, "valid", Summary.count(stats.get("eventsAccepted")));
        Summary.row(t, "invalid", Summary.count(stats.get("eventsRejected")) + " (the platform must refuse them)");
        Summary.headline(t, r);
        cli.out().println(t.toString().stripTrailing());
        return 0;
    }
}
