package com.tradingcontrol.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One browser session on the console, with the steps the tests share (sign in, open a page, confirm). */
final class ConsoleSession implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Chrome reports a refused fetch (the API answering 4xx) as a console error. The tests provoke
     * these on purpose (a rejected action, a stale edit); they are the API's answers, not page
     * errors, so only they are tolerated.
     */
    private static final Pattern EXPECTED = Pattern.compile(
            ".*/api/[^ ]* - Failed to load resource: the server responded with a status of (403|404|409|422) .*");
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('input, select, textarea, button')].filter((el) => {
              if (el.type === 'hidden') return false;
              if (el.tagName === 'BUTTON') return !(el.textContent.trim() || el.getAttribute('aria-label'));
              if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
              return !(el.labels && [...el.labels].some((l) => l.textContent.trim()));
            }).map((el) => el.outerHTML.slice(0, 160));""";

    final ChromeDriver driver;
    private final String base;
    private final Path screenshots;

    ConsoleSession(ChromeDriver driver, String base, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
    }

    /** Waits ignoring elements replaced while waited for: the pages re-render what changed. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks the element once it is visible, again if it was re-rendered in between. */
    void click(String css) {
        until(d -> {
            visible(css).click();
            return true;
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    WebElement visible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Opens the API's root (which redirects to the console) and signs in as a development user. */
    void signInAs(String devUser) {
        driver.get(base + "/");
        // A session kept from an earlier test (sessionStorage) signs out first.
        until(d -> !d.findElements(By.id("dev-user")).isEmpty() || !d.findElements(By.id("sign-out")).isEmpty());
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            driver.findElement(By.id("sign-out")).click();
        }
        new Select(visible("#dev-user")).selectByVisibleText(devUser);
        driver.findElement(By.id("sign-in-dev")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), devUser.startsWith("customer") ? devUser : "dev-" + devUser));
    }

    void open(String page) {
        click("nav a[data-page='" + page + "']");
        until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-page='" + page + "']"), "aria-current", "page"));
    }

    void live() {
        until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }

    /** Sets an input's value the way a date picker would (typing into datetime-local depends on the locale). */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", visible(css), value);
    }

    String text(String css) {
        return visible(css).getText();
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String css, String visibleText) {
        new Select(visible(css)).selectByVisibleText(visibleText);
    }

    /**
     * On the Act page: fills the trading-control form for one tenant (expiry as a datetime-local value,
     * or null for none) and submits it, which opens the confirmation.
     */
    void fillControl(String action, String tenant, String reason, String expires) {
        open("act");
        choose("#act-action", action);
        choose("#act-scope-kind", "Tenant");
        type("#act-target", tenant);
        type("#act-reason", reason);
        if (expires != null) {
            setValue("#act-expires", expires);
        }
        click("#act-submit");
    }

    /** Confirms the open confirmation dialog and returns the blast-radius sentence it showed. */
    String confirm() {
        String blast = visible("dialog.confirm .blast").getText();
        driver.findElement(By.cssSelector("dialog.confirm button[data-action='confirm']")).click();
        return blast;
    }

    /** The outcome region's text once the command is decided. */
    String outcome(String css) {
        until(d -> {
            String result = d.findElement(By.cssSelector(css)).getAttribute("data-result");
            return result != null && !result.equals("pending");
        });
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(UNLABELLED);
    }

    /** Whether the page needs horizontal scrolling (it should fit 1280 px and up). */
    boolean overflowsHorizontally() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Browser console errors since the last call, without the API's deliberate refusals. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !EXPECTED.matcher(m).matches())
                .toList();
    }

    void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("browser console errors").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
