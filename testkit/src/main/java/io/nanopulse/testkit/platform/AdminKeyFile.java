package io.nanopulse.testkit.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local run's admin API key, in {@value #NAME} under the data folder, readable by its owner only (0600).
 * The launcher never prints it; {@code deploy/run.sh --show-admin-key} shows it on request.
 */
public final class AdminKeyFile {
    public static final String NAME = "admin-key";

    private AdminKeyFile() {
    }

    /**
     * The key to start the gateway with: {@code chosen} (NANOPULSE_ADMIN_KEY) when given, else the file's key,
     * else a new random key. The file is created (0600) when missing, holding that key; an existing file is
     * kept and narrowed to 0600.
     */
    public static String ensure(Path dataDir, String chosen) {
        Path file = dataDir.resolve(NAME);
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return chosen != null && !chosen.isBlank() ? chosen.strip() : stored;
            }
            String key = chosen != null && !chosen.isBlank() ? chosen.strip() : "np_" + LocalPlatform.randomSecret(32);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return key;
        } catch (FileAlreadyExistsException e) {
            return ensure(dataDir, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin key in " + file, e);
        }
    }
}
