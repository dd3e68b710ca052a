package io.nanopulse.loadgen;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import java.util.Arrays;

/**
 * The {@code nanopulse} command line (deploy/nanopulse starts it from target/nanopulse.jar). Exit codes: 0 done,
 * 1 a failure at run time (the platform unreachable or refusing, figures that do not match), 2 a usage error
 * (unknown option, bad value, no API key); errors are one line on stderr.
 */
@Command(name = "nanopulse", mixinStandardHelpOptions = true, versionProvider = Nanopulse.Version.class,
        description = "Fill a Nanopulse platform, check it, and do the everyday admin tasks.",
        subcommands = {DemoCommand.class, SendCommand.class, StatsCommand.class, FiguresCommand.class, KeysCommand.class,
                BenchCommand.class},
        footer = {"", "API key: $NANOPULSE_API_KEY or --key-file FILE, never an argument.",
                "Gateway: --gateway URL, else $NANOPULSE_GATEWAY, else " + Cli.DEFAULT_GATEWAY + ".",
                "Exit codes: 0 done, 1 failed (see the message), 2 usage error."})
public final class Nanopulse {
    /** Anything shaped like an API key, masked wherever an argument is repeated in a message. */
    private static final String KEY_LIKE = "np_[A-Za-z0-9_-]+";

    public static void main(String[] args) {
        System.exit(execute(args, Cli.system()));
    }

    /** Runs one command line with the given environment and streams; returns the exit code. */
    static int execute(String[] args, Cli cli) {
        var cmd = new CommandLine(Nanopulse.class, new Factory(cli));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(cli.out(), true));
        cmd.setErr(new PrintWriter(cli.err(), true));
        cmd.setParameterExceptionHandler((e, a) -> {
            // A key put on the command line (anywhere, for any command) is refused without being repeated.
            boolean keyGiven = Arrays.stream(a).anyMatch(arg -> arg.equals("--key") || arg.startsWith("--key="));
            String message = keyGiven ? ApiKey.REFUSED : firstLine(e.getMessage()).replaceAll(KEY_LIKE, "np_…");
            if (!keyGiven && e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                message += "; did you mean " + u.getSuggestions().get(0) + "?";
            }
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            cli.err().println(name + ": " + message + " (see " + name + " --help)");
            return 2;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            cli.err().println(c.getCommandSpec().qualifiedName() + ": " + describe(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cmd.execute(args);
    }

    /** One line saying what went wrong, without a stack trace. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return "cannot connect to the gateway (is Nanopulse running? deploy/run.sh starts it)";
        }
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Creates commands and option groups, handing those that take it the {@link Cli} of this run. */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(Cli.class);
                c.setAccessible(true);
                return c.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Nanopulse.class.getPackage().getImplementationVersion();
            return new String[]{"nanopulse " + (v == null ? "(development build)" : v)};
        }
    }
}
