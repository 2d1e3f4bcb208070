package org.masthead.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium and its driver with a profile of their own, not yet pointed at any site. The
 * browser is {@code CHROME_BIN} and its driver {@code CHROMEDRIVER}, when those name programs that
 * exist; else /usr/bin/chromium and /usr/bin/chromedriver.
 */
final class Chromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriverService service;
    final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    static Chromium launch() {
        File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        File chromium = executable("CHROME_BIN", "/usr/bin/chromium");
        Path profile;
        try {
            profile = Files.createTempDirectory("masthead-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Naming the driver and the binary outright keeps Selenium Manager, which would try to
        // download them, out of the way.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--disable-dev-shm-usage",
                        "--hide-scrollbars",
                        "--force-device-scale-factor=1",
                        "--window-size=" + Browser.DESKTOP.getWidth() + "," + Browser.DESKTOP.getHeight(),
                        "--user-data-dir=" + profile.toAbsolutePath());
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            // Every page is checked with axe; having it in each document as the page loads spares
            // sending its half a megabyte through the driver for every check.
            driver.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument", Map.of("source", Accessibility.AXE_SOURCE));
            return new Chromium(profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    // The environment's choice when it names a program that is there, else where Debian installs it.
    private static File executable(String environmentVariable, String debianPath) {
        String configured = System.getenv(environmentVariable);
        Stream<String> candidates =
                configured == null || configured.isBlank() ? Stream.of(debianPath) : Stream.of(configured, debianPath);
        return candidates
                .map(File::new)
                .filter(File::canExecute)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No executable at " + debianPath
                        + (configured == null ? "" : " or " + configured) + "; install it or set "
                        + environmentVariable + " to its path"));
    }

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile left in the temp directory is untidy but harmless.
        }
    }
}
