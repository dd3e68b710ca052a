package io.nanopulse.loadgen;

import io.nanopulse.testkit.http.HttpStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API key comes from NANOPULSE_API_KEY or --key-file; a key on the command line is refused. */
class ApiKeyTest {
    private static final String KEY = "np_" + "k".repeat(40);

    @TempDir
    Path dir;

    @Test
    void keyOnTheCommandLineIsRefusedWithOneLine() {
        for (String[] args : new String[][]{
                {"send", "--gateway", "http://127.0.0.1:9", "--key", KEY},
                {"demo", "--gateway", "http://127.0.0.1:9", "--key=" + KEY}}) {
            var e = assertThrows(IllegalArgumentException.class, () -> LoadGen.run(args, Map.of(ApiKey.ENV, KEY)));
            assertEquals("--key is not accepted (command lines are visible to every user): set NANOPULSE_API_KEY or pass --key-file FILE",
                    e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        }
    }

    @Test
    void keyComesFromTheEnvironment() throws Exception {
        assertEquals(KEY, sentKey(new String[]{}, Map.of(ApiKey.ENV, KEY)));
    }

    @Test
    void keyComesFromTheFileBeforeTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-key"), KEY + "\n");
        assertEquals(KEY, sentKey(new String[]{"--key-file", file.toString()}, Map.of(ApiKey.ENV, "np_other")));
    }

    @Test
    void missingEmptyOrUnreadableKeysAreOneLineErrors() throws Exception {
        var none = assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(Map.of(), Map.of()));
        assertEquals("an API key is required: set NANOPULSE_API_KEY or pass --key-file FILE", none.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        var blank = assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(Map.of("key-file", empty.toString()), Map.of()));
        assertTrue(blank.getMessage().endsWith("is empty"));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> ApiKey.resolve(Map.of("key-file", dir.resolve("absent").toString()), Map.of()));
        assertTrue(missing.getMessage().endsWith("cannot be read"));
    }

    /** Runs {@code demo} against a gateway stand-in that refuses the first call, and returns the key it was sent. */
    private static String sentKey(String[] keyArgs, Map<String, String> env) throws Exception {
        try (var gateway = new HttpStub().route("/api/v1/institutions", HttpStub.Reply.json(401, "{\"title\":\"no\"}")).start()) {
            String[] base = {"demo", "--gateway", gateway.url(), "--scale", "0.001"};
            String[] args = new String[base.length + keyArgs.length];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(keyArgs, 0, args, base.length, keyArgs.length);
            var e = assertThrows(IllegalStateException.class, () -> LoadGen.run(args, env));
            assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
            return gateway.last().header("Authorization").substring("Bearer ".length());
        }
    }
}
