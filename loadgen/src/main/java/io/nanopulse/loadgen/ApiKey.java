package io.nanopulse.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the load generator's API key comes from: the file named by {@code --key-file}, else the environment
 * variable {@value #ENV}. Never a command-line value: every user of the machine can read command lines (ps).
 */
public final class ApiKey {
    public static final String ENV = "NANOPULSE_API_KEY";
    static final String REFUSED = "--key is not accepted (command lines are visible to every user): set " + ENV
            + " or pass --key-file FILE";

    private ApiKey() {
    }

    /** The key from {@code keyFile} (null: none given) or from {@code env}; one-line message when neither has one. */
    public static String resolve(Path file, Map<String, String> env) {
        if (file != null) {
            String key;
            try {
                key = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("--key-file " + file + " cannot be read");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--key-file " + file + " is empty");
            }
            return key;
        }
        String key = env.get(ENV);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key is required: set " + ENV + " or pass --key-file FILE");
        }
        return key.strip();
    }
}
