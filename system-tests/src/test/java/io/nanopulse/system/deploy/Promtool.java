package io.nanopulse.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Prometheus's own checker, {@code promtool}, as a process. A missing promtool fails the test (CI must not
 * pass without the checks); deploy/test.sh installs it.
 */
final class Promtool {
    /** What promtool printed and how it exited. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Promtool() {
    }

    static Path root() {
        return Path.of(System.getProperty("nanopulse.root", "..")).toAbsolutePath().normalize();
    }

    static String executable() {
        String fromEnv = System.getenv("PROMTOOL");
        if (fromEnv != null && !fromEnv.isBlank() && Files.isExecutable(Path.of(fromEnv))) {
            return fromEnv;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool not found on PATH (or $PROMTOOL): the Prometheus config, rules and /q/metrics checks need it. "
                + "Install Debian's 'prometheus' package (deploy/test.sh does so when run as root).");
    }

    /** Runs {@code promtool args...}, feeding {@code stdin} when not null. */
    static Result run(String stdin, String... args) {
        var cmd = new ArrayList<String>();
        cmd.add(executable());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                p.getOutputStream().close();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail("promtool " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
