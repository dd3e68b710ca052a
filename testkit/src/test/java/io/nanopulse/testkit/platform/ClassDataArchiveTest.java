package io.nanopulse.testkit.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataArchiveTest {
    @TempDir
    Path app;

    private Path jar() throws IOException {
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/a.jar"), "a");
        return Files.writeString(app.resolve("quarkus-run.jar"), "run");
    }

    @Test
    void jdk25AndLaterRecordAndUseTheAotCache() throws IOException {
        jar();
        var archive = new ClassDataArchive(app, 25, "k");
        List<String> options = archive.options();
        String recording = options.get(0);
        assertTrue(recording.startsWith("-XX:AOTCacheOutput=" + app.resolve("nanopulse-k.aot")), recording);
        assertEquals("-Xlog:aot=error", options.get(1), "recording's warnings stay out of the log");
        Files.writeString(Path.of(recording.substring(recording.indexOf('=') + 1)), "cache");
        archive.finish(true);
        assertEquals(List.of("-XX:AOTCache=" + app.resolve("nanopulse-k.aot")), archive.options());
    }

    @Test
    void jdk17To24RecordAtExitAndUseAppCds() throws IOException {
        jar();
        for (int feature : new int[] {17, 21, 24}) {
            var archive = new ClassDataArchive(app, feature, "k" + feature);
            List<String> options = archive.options();
            String recording = options.get(0);
            assertTrue(recording.startsWith("-XX:ArchiveClassesAtExit=" + app.resolve("nanopulse-k" + feature + ".jsa")), recording);
            assertEquals("-Xlog:cds=error", options.get(1));
            Files.writeString(Path.of(recording.substring(recording.indexOf('=') + 1)), "archive");
            archive.finish(true);
            assertEquals(List.of("-XX:SharedArchiveFile=" + app.resolve("nanopulse-k" + feature + ".jsa")), archive.options());
        }
    }

    @Test
    void aKillOrCrashLeavesNoArchive() throws IOException {
        jar();
        var archive = new ClassDataArchive(app, 17, "k");
        String recording = archive.options().get(0);
        Path partial = Path.of(recording.substring(recording.indexOf('=') + 1));
        Files.writeString(partial, "half an archive");
        archive.finish(false);
        assertFalse(Files.exists(partial));
        assertFalse(archive.exists());
        assertTrue(archive.options().get(0).startsWith("-XX:ArchiveClassesAtExit="), "the next start records again");
    }

    @Test
    void aRebuiltApplicationAnotherJvmOrOtherOptionsGetAnotherKey() throws IOException {
        Path jar = jar();
        String key = ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx160m"), app);
        assertEquals(key, ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx160m"), app));
        assertNotEquals(key, ClassDataArchive.key("jdk-25.0.3", List.of("-Xmx160m"), app));
        assertNotEquals(key, ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx256m"), app));
        Files.writeString(app.resolve("nanopulse-" + key + ".jsa"), "an archive does not change the key");
        assertEquals(key, ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx160m"), app));
        Files.setLastModifiedTime(app.resolve("lib/main/a.jar"), FileTime.fromMillis(1_000));
        assertNotEquals(key, ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx160m"), app), "a rebuilt library");
        Files.writeString(jar, "rebuilt");
        assertNotEquals(key, ClassDataArchive.key("jdk-17.0.15", List.of("-Xmx160m"), app));
    }

    @Test
    void systemPropertiesDoNotChangeTheArchive() throws IOException {
        Path jar = jar();
        assertEquals(ClassDataArchive.of(jar, List.of("-Xmx160m", "-Djava.io.tmpdir=/a")).file(),
                ClassDataArchive.of(jar, List.of("-Xmx160m", "-Djava.io.tmpdir=/b")).file());
    }

    @Test
    void keepingANewArchiveDeletesTheStaleOnes() throws IOException {
        jar();
        Path stale = Files.writeString(app.resolve("nanopulse-old.jsa"), "stale");
        var archive = new ClassDataArchive(app, 17, "new");
        String recording = archive.options().get(0);
        Files.writeString(Path.of(recording.substring(recording.indexOf('=') + 1)), "archive");
        archive.finish(true);
        assertFalse(Files.exists(stale));
        assertTrue(archive.exists());
    }

    @Test
    void onlyACleanStopKeepsTheRecording() {
        for (int clean : new int[] {0, 130, 143}) {
            assertTrue(ClassDataArchive.cleanExit(clean), "exit " + clean);
        }
        for (int unclean : new int[] {1, 134, 137, 139, 255}) {
            assertFalse(ClassDataArchive.cleanExit(unclean), "exit " + unclean);
        }
    }

    @Test
    void keepingANewArchiveDeletesStaleRecordingsButNotAnotherInstancesCurrentOne() throws IOException {
        jar();
        Path stale = Files.writeString(app.resolve("nanopulse-old.jsa.1a2b.tmp"), "left by a killed launcher");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(ClassDataArchive.STALE_RECORDING).minusSeconds(60)));
        Path otherInstance = Files.writeString(app.resolve("nanopulse-new.jsa.3c4d.tmp"), "being recorded right now");
        var archive = new ClassDataArchive(app, 17, "new");
        String recording = archive.options().get(0);
        Files.writeString(Path.of(recording.substring(recording.indexOf('=') + 1)), "archive");
        assertTrue(archive.recording());
        archive.finish(true);
        assertFalse(archive.recording());
        assertFalse(Files.exists(stale), "a stale recording goes");
        assertTrue(Files.exists(otherInstance), "a recent recording may be another instance's");
        assertTrue(archive.exists());
    }

    @Test
    void aRejectedArchiveIsRecognisedInTheJvmOutput() {
        assertTrue(ClassDataArchive.rejected("[0.203s][warning][cds,dynamic] Unable to use shared archive. The top archive failed to load: x.jsa"));
        assertTrue(ClassDataArchive.rejected("[0.021s][error  ][aot] An error has occurred while processing the AOT cache."));
        assertFalse(ClassDataArchive.rejected("2026-12-06 05:58:48,870 INFO  [io.quarkus] (main) alerts-service started in 4.743s."));
    }

    @Test
    void aDiscardedArchiveIsRecordedAgain() throws IOException {
        jar();
        var archive = new ClassDataArchive(app, 17, "k");
        Files.writeString(archive.file(), "refused by the JVM");
        assertTrue(archive.options().get(0).startsWith("-XX:SharedArchiveFile="));
        archive.discard();
        assertTrue(archive.options().get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }
}
