package io.nanopulse.testkit.platform;

import io.nanopulse.contracts.trust.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SigningKeyFileTest {

    @Test
    void aRandomKeyOnlyItsOwnerCanReadIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = SigningKeyFile.ensure(dir.resolve("data"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("1 signing key(s)", SigningKeys.read(file).toString());
        String key = Files.readString(file);
        assertEquals(key, Files.readString(SigningKeyFile.ensure(dir.resolve("data"))), "a second run keeps the key");
        Files.writeString(file, "");
        SigningKeys.read(SigningKeyFile.ensure(dir.resolve("data")));
    }
}
