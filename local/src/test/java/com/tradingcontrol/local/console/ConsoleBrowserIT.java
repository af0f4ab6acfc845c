package com.tradingcontrol.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.local.DevTokens;
import com.tradingcontrol.local.LocalPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import java.util.List;
import java.util.Map;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void aPastedTokenAboutToExpireIsFlaggedAndASessionSurvivesAReload() throws Exception {
        first.driver.get(api.base() + "/");
        first.visible("#dev-user");
        assertThat(first.driver.getCurrentUrl()).endsWith("/console/");
        first.screenshot("01-sign-in");
        // Issued so that it expires in 5 minutes (development tokens live 30 days).
        String shortLived = DevTokens.loadOrCreate(dataDir).issue("dev-operator", null, List.of("operator"),
                Instant.now().minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5)));
        first.type("#token", shortLived);
        first.click("#sign-in");
        first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "dev-operator"));
        first.until(ExpectedConditions.attributeToBe(By.id("token-expiry"), "data-level", "warn"));
        assertThat(first.text("#token-expiry")).matches("Token expires in [45] min");

        first.signInAs("admin");
        first.live();
        first.driver.navigate().refresh();

        first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "dev-admin"));
        first.live();
        assertThat(first.driver.findElement(By.id("token-expiry")).getAttribute("data-level")).isEqualTo("ok");
    }

    @Test
    @Order(2)
    void aPauseIsSeenLiveByASecondSession() throws Exception {
        second.signInAs("admin");
        second.open("now");
        second.live();
        first.signInAs("admin");
        first.fillControl("Pause", "tenant-live", "investigating fills", null);
        first.visible("dialog.confirm .blast");
        first.screenshot("03-act-confirm");

        String blast = first.confirm();

        assertThat(blast).isEqualTo("Blast radius: tenant tenant-live only.");
        assertThat(first.outcome("#act-outcome")).startsWith("Accepted").contains("tenant:tenant-live at version 1");
        first.screenshot("03-act-accepted");
        String row = second.visible("tr[data-scope='tenant:tenant-live'][data-kind='PAUSE']").getText();
        assertThat(row).contains("dev-admin", "investigating fills", "no expiry");
        second.type("#eff-tenant", "tenant-live");
        second.type("#eff-symbol", "BTC-USD");
        second.click("#eff-explain");
        second.until(ExpectedConditions.textToBePresentInElementLocated(By.id("effective-mode"), "PAUSED"));
        assertThat(second.text("#effective-result")).contains("tenant:tenant-live", "PAUSE", "investigating fills");
        second.screenshot("02-now-live");
    }

    @Test
    @Order(3)
    void aRejectedActionShowsItsCode() throws Exception {
        api.command("admin", "POST", "/api/trading-control/pause", """
                {"scope": "tenant:tenant-reject", "reason": "held until further notice"}""");
        first.signInAs("operator");
        first.fillControl("Pause", "tenant-reject", "shorter pause", "2099-01-01T10:00");
        first.confirm();

        String outcome = first.outcome("#act-outcome");

        assertThat(outcome).startsWith("Rejected INVALID_STATE").contains("can only be extended");
        first.screenshot("04-act-rejected");
    }

    @Test
    @Order(4)
    void aStaleConfigEditIsRefusedWithTheCurrentValue() throws Exception {
        String row = "section[data-key='risk.maxOpenOrders'] ";
        first.signInAs("admin");
        first.open("config");
        second.signInAs("admin");
        second.open("config");
        first.type(row + "input[type=text]", "lots");
        assertThat(first.text(row + ".field-error")).isEqualTo("Expected a whole number.");
        assertThat(first.visible(row + ".cfg-save").isEnabled()).isFalse();

        second.type(row + "input[type=text]", "800");
        second.type(row + "input[id^=cfg-reason]", "raise the limit");
        second.click(row + ".cfg-save");
        assertThat(second.outcome(row + ".outcome")).startsWith("Accepted").contains("version 1");
        first.type(row + "input[type=text]", "900");
        first.type(row + "input[id^=cfg-reason]", "raise it more");
        first.click(row + ".cfg-save");

        assertThat(first.outcome(row + ".outcome")).contains("Rejected VERSION_CONFLICT (409)");
        assertThat(first.text(row + ".conflict-value")).isEqualTo("800");
        first.driver.executeScript("arguments[0].scrollIntoView()", first.visible(row));
        first.screenshot("05-config-stale-edit");
    }

    @Test
    @Order(5)
    void theCustomerPreviewShowsOnlyThatTenant() throws Exception {
        api.command("admin", "POST", "/api/profiles", """
                {"profileId": "alpha-strategy", "name": "Alpha", "tenantId": "tenant-a"}""");
        api.command("admin", "POST", "/api/profiles", """
                {"profileId": "secret-b-strategy", "name": "Secret B", "tenantId": "tenant-b"}""");
        api.command("admin", "POST", "/api/trading-control/pause", """
                {"scope": "tenant:tenant-b", "reason": "tenant-b internal matter"}""");
        first.signInAs("admin");
        first.open("preview");
        first.choose("#preview-tenant", "tenant-a (customer-a)");
        first.click("#preview-tenant-go");

        first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-view"), "alpha-strategy"));
        first.until(ExpectedConditions.attributeToBe(By.id("preview-connection"), "data-state", "live"));
        String view = first.text("#customer-view");
        assertThat(view).contains("customer-a · tenant tenant-a", "Trading", "ACTIVE")
                .doesNotContain("tenant-b", "secret-b", "Secret B");
        first.screenshot("08-preview-customer");
    }

    @Test
    @Order(6)
    void anOperatorIsOfferedOnlyWhatItMayDo() {
        second.signInAs("operator");
        List<String> pages = second.driver.findElements(By.cssSelector("nav a[data-page]")).stream()
                .map(a -> a.getAttribute("data-page")).toList();
        assertThat(pages).containsExactly("now", "act", "config", "profiles", "preview");
        second.open("act");
        second.visible("#kill-engage");
        assertThat(second.driver.findElements(By.id("kill-release"))).isEmpty();
        assertThat(second.driver.findElements(By.id("act-maintenance"))).isEmpty();
        second.open("config");
        second.visible("section[data-key='risk.maxOpenOrders']");
        assertThat(second.driver.findElements(By.cssSelector(".cfg-save"))).isEmpty();
    }

    @Test
    @Order(7)
    void everyPageLabelsEveryControlAndFitsBothWindowSizes() throws Exception {
        first.signInAs("admin");
        List<String[]> pages = List.of(new String[] {"now", "#global-mode"}, new String[] {"act", "#act-submit"},
                new String[] {"config", ".config-row"}, new String[] {"profiles", "#prof-load"},
                new String[] {"audit", "#audit-results table"}, new String[] {"timetravel", "#tt-result table"},
                new String[] {"preview", "#preview-tenant"});
        try {
            for (int[] size : new int[][] {{1920, 1080}, {1280, 800}}) {
                first.size(size[0], size[1]);
                for (String[] page : pages) {
                    first.open(page[0]);
                    first.visible(page[1]);
                    assertThat(first.unlabelledControls()).as(page[0] + " at " + size[0]).isEmpty();
                    assertThat(first.overflowsHorizontally()).as(page[0] + " scrolls sideways at " + size[0]).isFalse();
                }
            }
            first.open("audit");
            first.click("#aud-verify");
            first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-result"), "Chain intact"));
            first.screenshot("06-audit");
            first.open("timetravel");
            first.visible("#tt-result table");
            first.screenshot("07-time-travel");
        } finally {
            first.size(1280, 800);
        }
    }

    @Test
    @Order(8)
    void developmentTokensAreListedOnlyToALoopbackHostName() throws Exception {
        assertThat(api.statusLineWithHost("/api/console/dev-tokens", "127.0.0.1:" + platform.apiPort())).contains(" 200 ");
        assertThat(api.statusLineWithHost("/api/console/dev-tokens", "localhost")).contains(" 200 ");
        // A page of a rebound name (DNS rebinding to 127.0.0.1) names itself.
        assertThat(api.statusLineWithHost("/api/console/dev-tokens", "attacker.example:" + platform.apiPort())).contains(" 404 ");
    }

    @Test
    @Order(9)
    void aCustomerSeesOnlyItsOwnView() {
        second.signInAs("customer-b");
        List<String> pages = second.driver.findElements(By.cssSelector("nav a[data-page]")).stream()
                .map(a -> a.getText()).toList();
        assertThat(pages).containsExactly("Profiles", "My view");
        second.open("preview");

        second.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-view"), "secret-b-strategy"));
        assertThat(second.text("#customer-view")).contains("tenant tenant-b", "PAUSED").doesNotContain("tenant-a", "alpha");
    }

    @Test
    @Order(10)
    void theConnectionIndicatorRecoversByItselfAfterTheConnectionDrops() {
        first.signInAs("admin");
        first.live();
        first.driver.executeScript("""
                window.seenStates = [];
                new MutationObserver(() => window.seenStates.push(document.getElementById('connection').dataset.state))
                  .observe(document.getElementById('connection'), {attributes: true, attributeFilter: ['data-state']});""");
        first.driver.executeCdpCommand("Network.enable", Map.of());
        setOffline(true);
        try {
            assertThat(dropWebSockets()).isEqualTo(1);
            first.until(d -> ((List<?>) first.driver.executeScript("return window.seenStates;")).contains("reconnecting"));
        } finally {
            setOffline(false);
        }

        first.live();
        // The refused reconnection attempts while offline are the browser's expected reports of this test.
        first.consoleErrors();
    }

    @Test
    @Order(11)
    void theKillSwitchReleaseNeedsASecondAdmin() throws Exception {
        api.command("operator", "POST", "/api/kill-switch", """
                {"reason": "browser drill"}""");
        first.signInAs("admin");
        first.open("act");
        first.type("#kill-reason", "venue is back");
        first.type("#kill-proposal-ttl", "20");
        first.click("#kill-release");
        assertThat(first.confirm()).contains("GLOBAL");
        assertThat(first.outcome("#kill-outcome")).startsWith("Accepted").contains("different admin");
        first.click("#kill-approve");
        first.confirm();
        first.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kill-outcome"), "SECOND_ADMIN_REQUIRED"));
        assertThat(first.outcome("#kill-outcome")).startsWith("Rejected SECOND_ADMIN_REQUIRED");
        first.screenshot("09-kill-switch-second-admin-required");

        second.signInAs("admin-2");
        second.open("now");
        second.live();
        assertThat(second.text("#release-proposal-banner")).contains("RELEASE PROPOSED by dev-admin", "second admin");
        assertThat(second.text("#kill-switch-banner")).contains("KILL SWITCH ENGAGED");
        assertThat(second.text("#proposals [data-action='KILL_SWITCH_RELEASE']")).contains("proposed by dev-admin")
                .containsPattern("lapses in (19|20)m");
        second.screenshot("10-kill-switch-release-proposed");
        second.open("act");
        second.type("#kill-reason", "checked the venue");
        second.click("#kill-approve");
        second.confirm();
        assertThat(second.outcome("#kill-outcome")).startsWith("Accepted");
        second.open("now");
        second.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kill-switch-banner")));
        assertThat(second.driver.findElements(By.id("release-proposal-banner"))).isEmpty();
    }

    @Test
    @Order(12)
    void aGlobalResumeUnderItsOptionalRuleIsApprovedFromTheProposalsCard() throws Exception {
        api.command("admin", "PUT", "/api/config/control.twoPerson.globalResume", """
                {"value": true, "reason": "browser drill"}""");
        try {
            api.command("operator", "POST", "/api/trading-control/pause", """
                    {"scope": "global", "reason": "resume drill"}""");
            api.command("operator", "POST", "/api/trading-control/resume", """
                    {"scope": "global", "reason": "venue back"}""");
            second.signInAs("admin-2");
            second.open("now");
            second.live();
            assertThat(second.text("#proposals [data-action='GLOBAL_RESUME']")).contains("Resume of global trading",
                    "venue back");
            assertThat(second.text("#global-mode")).isEqualTo("PAUSED");
            second.screenshot("11-global-resume-proposed");
            second.type("#proposal-reason", "checked");
            second.click("#approve-global-resume");
            second.confirm();
            assertThat(second.outcome("#proposal-outcome")).startsWith("Accepted");
            second.until(ExpectedConditions.textToBePresentInElementLocated(By.id("global-mode"), "ACTIVE"));
        } finally {
            api.command("admin", "PUT", "/api/config/control.twoPerson.globalResume", """
                    {"value": false, "reason": "drill over"}""");
        }
    }

    @Test
    @Order(13)
    void anOperatorsNowPageShowsATenantPauseLiveFromTheStaffChannel() throws Exception {
        second.signInAs("operator");
        second.open("now");
        second.live();
        assertThat(second.driver.executeScript("return document.querySelector('tcp-console').feed.channel"))
                .as("operators follow /ws/staff, which carries every scope").isEqualTo("staff");
        assertThat(second.driver.findElements(By.cssSelector("tr[data-scope='tenant:tenant-ops']"))).isEmpty();

        first.signInAs("admin");
        first.fillControl("Pause", "tenant-ops", "operator view drill", null);
        first.confirm();
        assertThat(first.outcome("#act-outcome")).startsWith("Accepted");

        // No poll on a staff channel: the row can only come from the push.
        String row = second.visible("tr[data-scope='tenant:tenant-ops'][data-kind='PAUSE']").getText();
        assertThat(row).contains("dev-admin", "operator view drill");
        second.screenshot("12-operator-now-live");
    }

    private static void setOffline(boolean offline) {
        first.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Closes every websocket of the page as a dropped connection would (code 4000), found through DevTools. */
    @SuppressWarnings("unchecked")
    private static int dropWebSockets() {
        var prototype = (Map<String, Object>) first.driver.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", "WebSocket.prototype")).get("result");
        var sockets = (Map<String, Object>) first.driver.executeCdpCommand("Runtime.queryObjects",
                Map.of("prototypeObjectId", prototype.get("objectId"))).get("objects");
        var closed = (Map<String, Object>) first.driver.executeCdpCommand("Runtime.callFunctionOn", Map.of(
                "objectId", sockets.get("objectId"), "returnByValue", true, "functionDeclaration",
                "function() { const open = this.filter((s) => s.readyState === 1);"
                        + " open.forEach((s) => s.close(4000, 'test: connection dropped')); return open.length; }"))
                .get("result");
        return ((Number) closed.get("value")).intValue();
    }
}
