package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code nanopulse keys}: API keys (admin key needed). */
@Command(name = "keys", mixinStandardHelpOptions = true, header = "Create API keys (admin key).",
        description = "Manage API keys (needs an admin key).",
        subcommands = KeysCommand.Create.class)
final class KeysCommand {

    /** {@code nanopulse keys create}: a new key, printed once, to stdout only. */
    @Command(name = "create", mixinStandardHelpOptions = true, header = "Create an API key; print it once, on stdout.",
            description = {"Create an API key and print it, once, alone on stdout (KEY=$(nanopulse keys create ...)); "
                    + "the gateway keeps only its hash. Keys of one principal share its subscribers and rules."})
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Mixin
        GatewayOptions gateway;

        @Option(names = "--name", paramLabel = "PRINCIPAL", required = true, description = "Who the key is for (A-Z a-z 0-9 . _ @ -).")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "ingest, read, alerts or admin; repeat for several (--role read --role ingest).")
        List<String> roles;

        @Option(names = "--description", paramLabel = "TEXT", defaultValue = "created with nanopulse keys create",
                description = "What the key is for (default: ${DEFAULT-VALUE}).")
        String description;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws Exception {
            JsonNode issued = gateway.gateway().createKey(name, roles, description);
            cli.out().println(issued.path("key").asText());
            JsonNode k = issued.path("apiKey");
            cli.err().printf("created key %s… (id %d) for %s with roles %s; it is shown only this once%n", k.path("prefix").asText(),
                    k.path("id").asLong(), k.path("principal").asText(), String.join(", ", roles));
            return 0;
        }
    }
}
