package io.nanopulse.testkit.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminKeyFileTest {
    @TempDir
    Path data;

    private Path file() {
        return data.resolve(AdminKeyFile.NAME);
    }

    private String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file()));
    }

    @Test
    void aNewKeyIsWrittenOwnerOnlyAndKept() throws Exception {
        String key = AdminKeyFile.ensure(data, null);
        assertTrue(key.matches("np_[A-Za-z0-9_-]{32,}"), key);
        assertEquals("rw-------", mode());
        assertEquals(key, Files.readString(file()).strip());
        assertEquals(key, AdminKeyFile.ensure(data, ""));
    }

    @Test
    void aChosenKeyIsWrittenWhenNoFileExists() throws Exception {
        String chosen = "np_" + "c".repeat(40);
        assertEquals(chosen, AdminKeyFile.ensure(data, chosen));
        assertEquals(chosen, Files.readString(file()).strip());
        assertEquals("rw-------", mode());
    }

    @Test
    void anExistingFileIsNarrowedToTheOwner() throws Exception {
        Files.writeString(file(), "np_" + "o".repeat(40) + "\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("np_" + "o".repeat(40), AdminKeyFile.ensure(data, null));
        assertEquals("rw-------", mode());
    }
}
