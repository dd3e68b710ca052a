package io.nanopulse.testkit.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key the gateway signs forwarded identities with and the services verify them with, in a file of the
 * data folder readable by its owner only (0600). Created with a random 32-byte key when missing; the services
 * get the file's path ({@value #ENV}), never the key.
 */
public final class SigningKeyFile {
    public static final String ENV = "NANOPULSE_INTERNAL_SIGNING_KEY_FILE";
    public static final String NAME = "internal-signing-keys";

    private SigningKeyFile() {
    }

    /** The file under {@code dataDir}, created if missing. */
    public static Path ensure(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                return file;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(dataDir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
