package io.nanopulse.loadgen;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;

/** The gateway to call and the API key to call it with (from NANOPULSE_API_KEY or a file, never an argument). */
final class GatewayOptions {
    private final Cli cli;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--gateway", paramLabel = "URL", description = "The gateway (default: $NANOPULSE_GATEWAY, else " + Cli.DEFAULT_GATEWAY + ").")
    String gateway;

    @Option(names = "--key-file", paramLabel = "FILE", description = "A file holding the API key (default: the key in $NANOPULSE_API_KEY).")
    Path keyFile;

    GatewayOptions(Cli cli) {
        this.cli = cli;
    }

    /** A key on the command line is refused at once, without repeating it. */
    @Option(names = "--key", hidden = true, arity = "0..1", paramLabel = "KEY")
    void refuseKey(String ignored) {
        throw new ParameterException(spec.commandLine(), ApiKey.REFUSED);
    }

    String url() {
        String url = gateway != null ? gateway : cli.env().getOrDefault(Cli.GATEWAY_ENV, Cli.DEFAULT_GATEWAY);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--gateway " + url + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--gateway must be an http:// or https:// URL, not " + url);
        }
        return url;
    }

    String key() {
        return ApiKey.resolve(keyFile, cli.env());
    }

    Gateway gateway() {
        return new Gateway(url(), key());
    }
}
