package io.nanopulse.testkit.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through chromedriver (Debian packages {@code chromium} and {@code chromium-driver}),
 * for the browser tests. Without them it fails, naming the packages: a browser test never skips.
 * Each browser gets a fresh profile under {@code target/}; quit it when done: quitting deletes the profile.
 */
public final class HeadlessChromium {
    static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    /** A new headless browser, 1280x1024, its profile in a new directory under {@code target/}. */
    public static WebDriver start() {
        return start(Path.of("target"));
    }

    /** A new headless browser, 1280x1024, its profile in a new directory under {@code workDir}. */
    public static WebDriver start(Path workDir) {
        String binary = firstExecutable(CHROMIUM, "Chromium");
        String driver = firstExecutable(DRIVER, "chromedriver");
        Path profile;
        try {
            Files.createDirectories(workDir);
            profile = Files.createTempDirectory(workDir, "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile under " + workDir, e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1024",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        try {
            return new ProfiledChromeDriver(service, options, profile);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    /** A ChromeDriver that deletes its profile directory once the browser has quit. */
    static final class ProfiledChromeDriver extends ChromeDriver {
        private final Path profile;

        ProfiledChromeDriver(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                deleteTree(profile);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the Chromium profile " + dir, e);
        }
    }

    /** Saves what the browser shows as a PNG at {@code file} (parent directories created). */
    public static Path screenshot(WebDriver browser, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + file, e);
        }
    }

    static String firstExecutable(List<String> candidates, String what) {
        return candidates.stream().filter(p -> new File(p).canExecute()).findFirst().orElseThrow(() ->
                new AssertionError(what + " not found (looked at " + candidates + "): " + INSTALL_HINT));
    }
}
