package io.nanopulse.system;

import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.platform.AdminKeyFile;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local run's launcher (testkit's platform Main, as deploy/run.sh starts it) keeps the admin key out of
 * its output and off every command line, in a 0600 file that {@code deploy/run.sh --show-admin-key} prints.
 */
class LauncherSecretsIT {

    @Test
    void theAdminKeyIsNeitherPrintedNorOnACommandLine() throws Exception {
        Path root = Platforms.repoRoot();
        Path data = root.resolve("system-tests/target/launcher-" + UUID.randomUUID().toString().substring(0, 6));
        String classpath = root.resolve("testkit/target/classes") + ":"
                + Files.readString(root.resolve("testkit/target/classpath.txt")).strip();
        var launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dnanopulse.root=" + root, "-cp", classpath, "io.nanopulse.testkit.platform.Main")
                .redirectErrorStream(true);
        var env = launcher.environment();
        env.remove("NANOPULSE_ADMIN_KEY");
        env.put("NANOPULSE_DATA_DIR", data.toString());
        for (String port : List.of("POSTGRES", "KAFKA", "GATEWAY", "INGEST", "METRICS", "ALERTS")) {
            env.put("NANOPULSE_" + port + "_PORT", Integer.toString(Ports.free()));
        }
        Process process = launcher.start();
        var output = new StringBuffer();
        var ready = new CountDownLatch(1);
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the launcher ended
            }
        }, "launcher-output");
        reader.start();
        try {
            assertTrue(ready.await(5, TimeUnit.MINUTES), "the launcher did not come up:\n" + output);
            Path keyFile = data.resolve(AdminKeyFile.NAME);
            String key = Files.readString(keyFile).strip();
            assertTrue(key.startsWith("np_") && key.length() > 40, "a generated key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertFalse(output.toString().contains(key), "the launcher printed the admin key");
            assertTrue(output.toString().contains("--show-admin-key"), output.toString());

            List<String> commandLines = new ArrayList<>();
            Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                    .forEach(p -> p.info().commandLine().ifPresent(commandLines::add));
            assertTrue(commandLines.size() >= 5, "the launcher and the services: " + commandLines);
            commandLines.forEach(line -> assertFalse(line.contains(key), "the admin key is on a command line: " + line));

            String gateway = "http://127.0.0.1:" + env.get("NANOPULSE_GATEWAY_PORT");
            given().baseUri(gateway).auth().oauth2(key).get("/api/v1/admin/keys").then().statusCode(200);

            var show = new ProcessBuilder("bash", root.resolve("deploy/run.sh").toString(), "--show-admin-key");
            show.environment().put("NANOPULSE_DATA_DIR", data.toString());
            Process shown = show.start();
            String printed = new String(shown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(shown.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, shown.exitValue());
            assertEquals(key + "\n", printed);
        } finally {
            process.destroy(); // SIGTERM: the launcher's shutdown hook stops the platform
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            reader.join(10_000);
        }
    }
}
