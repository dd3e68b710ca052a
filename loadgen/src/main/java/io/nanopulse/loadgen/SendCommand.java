package io.nanopulse.loadgen;

import io.nanopulse.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nanopulse send FILE|-}: events from a file or standard input through the gateway. Needs the ingest role. */
@Command(name = "send", mixinStandardHelpOptions = true,
        header = "Send events from an NDJSON, JSON or CSV file, or stdin (ingest role).",
        description = {"Send events from FILE (or - for standard input) through the gateway: NDJSON (.ndjson, .jsonl; one "
                + "event per line), JSON (.json; one event or an array) as POST /api/v1/events, or CSV filings (.csv; header "
                + "patentId,country,institution,sector,filingDate,city) as POST /api/v1/imports. Needs a key with the "
                + "ingest role. Prints what was accepted, rejected (the first refusals with their line) and dropped as "
                + "duplicates; exit 1 if any event was rejected."})
final class SendCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    GatewayOptions gateway;
    @Mixin
    SendOptions send;

    @Parameters(paramLabel = "FILE|-", description = "The events; - reads standard input.")
    String file;

    @Option(names = "--format", paramLabel = "ndjson|json|csv",
            description = "The file's format (default: from its extension; NDJSON for standard input).")
    FileEvents.Format format;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    SendCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        send.check();
        boolean stdin = file.equals("-");
        FileEvents.Format f = format != null ? format : stdin ? FileEvents.Format.NDJSON : FileEvents.Format.of(file);
        if (f == null) throw new IllegalArgumentException("cannot tell the format of " + file + " from its name: add --format ndjson|json|csv");
        String url = gateway.url();
        String key = gateway.key();
        long total = stdin || f == FileEvents.Format.JSON ? 0 : lines(Path.of(file)) - (f == FileEvents.Format.CSV ? 1 : 0);
        var tally = new Tally();
        var progress = new Progress(total, cli.err(), cli.terminal());
        long sent;
        try (BufferedReader in = stdin ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : open(Path.of(file))) {
            String header = f == FileEvents.Format.CSV ? FileEvents.csvHeader(in) : null;
            var sender = new Sender(url, key, f.mode(), send.chunk, send.concurrency, send.rate, tally, progress, header);
            sent = FileEvents.read(in, f, block -> {
                try {
                    sender.send(block);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            });
            sender.finish();
        }
        progress.finish();
        if (json) {
            var r = new LinkedHashMap<String, Object>();
            r.put("events", sent);
            r.put("accepted", tally.accepted);
            r.put("rejected", tally.rejected);
            r.put("duplicates", tally.duplicates);
            r.put("errors", List.copyOf(tally.errors));
            cli.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } else {
            cli.out().printf("sent %,d events from %s: %,d accepted, %,d rejected, %,d duplicates%n", sent, stdin ? "standard input" : file,
                    tally.accepted, tally.rejected, tally.duplicates);
            tally.errors.forEach(e -> cli.out().println("  " + e));
            if (tally.rejected > tally.errors.size()) cli.out().printf("  ... and %,d more refusals%n", tally.rejected - tally.errors.size());
        }
        return tally.rejected == 0 ? 0 : 1;
    }

    private static BufferedReader open(Path path) throws Exception {
        try {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file");
        }
    }

    private static long lines(Path path) throws Exception {
        try (var lines = Files.lines(path, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file");
        }
    }
}
