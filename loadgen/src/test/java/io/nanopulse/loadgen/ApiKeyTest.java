package io.nanopulse.loadgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API key comes from --key-file before NANOPULSE_API_KEY; missing, empty or unreadable keys are one-line errors. */
class ApiKeyTest {
    private static final String KEY = "np_" + "k".repeat(40);

    @TempDir
    Path dir;

    @Test
    void keyComesFromTheEnvironment() {
        assertEquals(KEY, ApiKey.resolve(null, Map.of(ApiKey.ENV, KEY + "\n")));
    }

    @Test
    void keyComesFromTheFileBeforeTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-key"), KEY + "\n");
        assertEquals(KEY, ApiKey.resolve(file, Map.of(ApiKey.ENV, "np_other")));
    }

    @Test
    void missingEmptyOrUnreadableKeysAreOneLineErrors() throws Exception {
        var none = assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(null, Map.of()));
        assertEquals("an API key is required: set NANOPULSE_API_KEY or pass --key-file FILE", none.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        var blank = assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(empty, Map.of()));
        assertTrue(blank.getMessage().endsWith("is empty"));
        var missing = assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(dir.resolve("absent"), Map.of()));
        assertTrue(missing.getMessage().endsWith("cannot be read"));
    }
}
