package io.nanopulse.alerts.support;

import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.RestAssured;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged alerts-service (target/quarkus-app) as its own process, for the crash and recovery ITs. */
public final class PackagedAlerts {
    private PackagedAlerts() {
    }

    /**
     * Starts {@code java -jar quarkus-run.jar} with {@code props} as system properties and {@code env} added to the
     * environment (the test signing keys always), its output appended to target/{@code logName}; returns once it
     * answers ready on {@code managementPort}.
     */
    public static Process launch(Map<String, String> props, Map<String, String> env, String logName, int managementPort)
            throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first (mvn verify)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        File log = Path.of("target", logName).toFile();
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("NANOPULSE_INTERNAL_SIGNING_KEYS", GatewayProof.TEST_KEYS);
        builder.environment().putAll(env);
        Process app = builder.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> RestAssured.given().port(managementPort).get("/q/health/ready").statusCode() == 200);
        return app;
    }
}
