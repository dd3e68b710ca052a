package io.nanopulse.testkit.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A browser's profile lives while it runs and is gone once it quits. Needs chromium and chromium-driver. */
class HeadlessChromiumTest {

    @Test
    void quittingDeletesTheProfile(@TempDir Path work) throws IOException {
        WebDriver browser = HeadlessChromium.start(work);
        try {
            browser.get("about:blank");
            assertEquals(1, profiles(work), "one profile while the browser runs");
        } finally {
            browser.quit();
        }
        assertEquals(0, profiles(work), "no profile left after quit");
    }

    static long profiles(Path work) throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chromium-profile")).count();
        }
    }
}
