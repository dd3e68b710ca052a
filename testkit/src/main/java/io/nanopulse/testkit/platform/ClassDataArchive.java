package io.nanopulse.testkit.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A service's class-data archive, kept next to its packaged jar (target/quarkus-app, outside git): on JDK 25+
 * the JDK's ahead-of-time cache ({@code -XX:AOTCache}), on JDK 17-24 a dynamic AppCDS archive
 * ({@code -XX:SharedArchiveFile}). The first run without one records it ({@code -XX:AOTCacheOutput} or
 * {@code -XX:ArchiveClassesAtExit}) into a file of its own, written by the JVM when the service stops cleanly
 * and only then moved into place, so a crash or a kill never leaves a truncated archive. The file name carries
 * a key of the JVM, the JVM options and every file of the packaged application: a rebuilt service or another
 * JDK looks for another file, and older archives of the service are deleted when a new one is kept.
 */
public final class ClassDataArchive {
    static final String PREFIX = "nanopulse-";
    /** A recording file this old belongs to no running JVM (another instance of the service may be recording now). */
    static final Duration STALE_RECORDING = Duration.ofHours(1);

    private final Path appDir;
    private final int jdkFeature;
    private final Path archive;
    private Path recording;

    ClassDataArchive(Path appDir, int jdkFeature, String key) {
        this.appDir = appDir;
        this.jdkFeature = jdkFeature;
        this.archive = appDir.resolve(PREFIX + key + (usesAotCache(jdkFeature) ? ".aot" : ".jsa"));
    }

    /** The archive of the application whose jar is given, for the JVM running this launcher and these options. */
    public static ClassDataArchive of(Path jar, List<String> jvmOptions) {
        Path appDir = jar.toAbsolutePath().getParent();
        String jvm = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        // System properties (e.g. the temporary folder of a test's run) do not change what the JVM archives.
        List<String> vmOptions = jvmOptions.stream().filter(o -> !o.startsWith("-D")).toList();
        return new ClassDataArchive(appDir, Runtime.version().feature(), key(jvm, vmOptions, appDir));
    }

    /** JDK 25 and later have the ahead-of-time cache (JEP 483/514/515); older ones AppCDS. */
    static boolean usesAotCache(int jdkFeature) {
        return jdkFeature >= 25;
    }

    /**
     * The key of an archive: the JVM, its options and each file of the application (path, size, modification
     * time), hashed. Archive files themselves do not count.
     */
    static String key(String jvm, List<String> jvmOptions, Path appDir) {
        try (Stream<Path> files = Files.walk(appDir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((jvm + "\n" + String.join(" ", jvmOptions) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(PREFIX)).sorted().toList()) {
                sha.update((appDir.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return archive;
    }

    /** Whether a start now uses the archive (true) or records one (false). */
    public boolean exists() {
        return Files.isRegularFile(archive);
    }

    /** The JVM options of one start: use the archive when there is one, else record it for the next start. */
    public synchronized List<String> options() {
        if (exists()) {
            recording = null;
            return List.of(usesAotCache(jdkFeature) ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
        }
        recording = archive.resolveSibling(archive.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        // Recording warns of every class it leaves out (thousands of lines at exit): errors only in the service's log.
        return usesAotCache(jdkFeature) ? List.of("-XX:AOTCacheOutput=" + recording, "-Xlog:aot=error")
                : List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error");
    }

    /** Whether this start records an archive (its JVM writes it at exit, which takes a while on JDK 25+). */
    public synchronized boolean recording() {
        return recording != null;
    }

    /**
     * Whether a JVM with this exit code stopped cleanly and so wrote its recording whole: 0, or ended by SIGINT
     * (130) or SIGTERM (143). Any other code is a crash, a kill (137) or a failed start.
     */
    public static boolean cleanExit(int exitCode) {
        return exitCode == 0 || exitCode == 130 || exitCode == 143;
    }

    /**
     * After the JVM ended: a recording of a clean stop becomes the archive (older archives and stale recordings
     * of the application go); one of a crash or kill is deleted.
     */
    public synchronized void finish(boolean cleanStop) {
        if (recording == null) {
            return;
        }
        try {
            if (cleanStop && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                deleteOthers();
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                System.out.printf("[testkit] class-data recording %s discarded (%s)%n", recording.getFileName(),
                        cleanStop ? "the JVM wrote none" : "the JVM did not stop cleanly");
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            // No archive this time: the next start records again.
        } finally {
            recording = null;
        }
    }

    /**
     * Whether a JVM's output (from its start until it answered ready) says it could not use the archive; such
     * an archive is deleted, so the next start records a fresh one instead of ignoring it forever.
     */
    public static boolean rejected(String jvmOutput) {
        return jvmOutput.lines().anyMatch(l -> (l.contains("][cds") || l.contains("][aot"))
                && (l.contains("[error") || l.contains("[warning") || l.contains("Unable to")));
    }

    /** Deletes the archive (see {@link #rejected}). */
    public synchronized void discard() {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Other archives of the application, and recordings older than {@link #STALE_RECORDING} but this one. */
    private void deleteOthers() throws IOException {
        Instant staleBefore = Instant.now().minus(STALE_RECORDING);
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!n.startsWith(PREFIX) || f.equals(archive) || f.equals(recording)) {
                    continue;
                }
                if (!n.endsWith(".tmp") || Files.getLastModifiedTime(f).toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
