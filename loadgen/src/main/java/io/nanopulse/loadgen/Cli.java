package io.nanopulse.loadgen;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command of {@link Nanopulse} works with besides its options: the environment (the API key, the
 * gateway, the data folder may come from it), where it writes, and whether stderr is a terminal.
 */
record Cli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    static final String GATEWAY_ENV = "NANOPULSE_GATEWAY";
    static final String DATA_DIR_ENV = "NANOPULSE_DATA_DIR";
    static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";

    /** Set by deploy/nanopulse: 1 when stderr (where progress goes) is a terminal, 0 when it is not. */
    static final String STDERR_TTY_ENV = "NANOPULSE_STDERR_TTY";

    static Cli system() {
        Map<String, String> env = System.getenv();
        return new Cli(env, System.out, System.err, interactive(env.get(STDERR_TTY_ENV)));
    }

    /**
     * Whether progress may redraw in place: what the launcher saw of stderr, else (java -jar started directly) a
     * console that is a terminal (Java 22+ tells; before, a console means stdin and stdout are one).
     */
    static boolean interactive(String stderrTty) {
        if (stderrTty != null) return stderrTty.equals("1");
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
