package com.tradingcontrol.local.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Where the browser tests find Debian's headless Chromium and its chromedriver. Elsewhere than CI a
 * missing browser skips the tests with a message; on CI ({@code CI=true}) it fails them, because
 * {@code .ci/run} installs both before the build.
 */
final class Browsers {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browsers() {
    }

    /** The chromium binary and chromedriver, or the test is skipped (failed on CI) with a message. */
    static Path[] require() {
        Optional<Path> browser = firstExecutable(System.getenv("TCP_CHROMIUM"), CHROMIUM);
        Optional<Path> driver = firstExecutable(System.getenv("TCP_CHROMEDRIVER"), DRIVER);
        if (browser.isPresent() && driver.isPresent()) {
            return new Path[] {browser.get(), driver.get()};
        }
        String message = "no headless browser: install Debian's chromium and chromium-driver "
                + "(apt-get install -y chromium chromium-driver) or set TCP_CHROMIUM and TCP_CHROMEDRIVER; looked for "
                + CHROMIUM + " and " + DRIVER;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but " + message + " (.ci/run installs them)");
        }
        // Printed as well: a class aborted before its first test shows as "Tests run: 0" in the build log.
        System.err.println("ConsoleBrowserIT skipped: " + message);
        Assumptions.abort("console browser tests skipped: " + message);
        return null;
    }

    private static Optional<Path> firstExecutable(String override, List<String> candidates) {
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static ChromeDriverService service(Path driver) {
        return new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
    }

    static ChromeOptions options(Path browser) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return options;
    }
}
