package io.nanopulse.testkit.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the broker's jars are: the folder the testkit build copied them to, or NANOPULSE_KAFKA_LIBS. */
final class KafkaLibs {
    private KafkaLibs() {
    }

    static Path directory() {
        String override = System.getenv("NANOPULSE_KAFKA_LIBS");
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else {
            Properties p = new Properties();
            try (InputStream in = KafkaLibs.class.getResourceAsStream("/nanopulse-testkit.properties")) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = Path.of(p.getProperty("kafka.libs"));
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Kafka broker jars not found in " + dir
                    + "; build the kafka-broker module first (./mvnw -pl testkit/kafka-broker package)");
        }
        return dir;
    }
}
