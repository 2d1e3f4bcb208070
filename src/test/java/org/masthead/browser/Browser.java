package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.masthead.accounts.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * One reader's headless Chromium, pointed at the application on localhost. Every page a journey
 * reaches, whether by {@link #open}, {@link #follow} or {@link #back}, is checked to be a whole page
 * and run through axe, so journeys get the accessibility check without asking for it.
 *
 * <p>Each browser has its own profile directory, so two open at once are two readers who share no
 * cookies or storage.
 */
public final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT = Duration.ofSeconds(10);
    // What a page's scripts fetch may be slow to come on a busy machine; it is waited for longer.
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String IMAGES_IN_VIEW_LOADED =
            """
            return Array.from(document.images)
                .filter(i => { const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
                .every(i => i.complete);""";

    private final String origin;
    private final Chromium chromium;
    private final ChromeDriver driver;

    private Browser(String origin, Chromium chromium) {
        this.origin = origin;
        this.chromium = chromium;
        this.driver = chromium.driver;
    }

    /** Points a Chromium that has not been used yet at the application on {@code localhost:port}. */
    static Browser on(int port, Chromium chromium) {
        Browser browser = new Browser("http://localhost:" + port, chromium);
        try {
            browser.resizeViewport(DESKTOP);
            return browser;
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /** Signs in through the form with the test accounts' password, and checks that it worked. */
    public Browser signIn(TestAccounts.Credentials account) {
        open("/signin");
        find(By.id("email")).sendKeys(account.email());
        find(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        follow(By.cssSelector("main form button[type=submit]"));
        assertThat(path()).as("signed in").isEqualTo("/account");
        return this;
    }

    /**
     * Opens a path on the site, such as {@code /world}, waits for its scripts to fill it in, then
     * checks the page and runs axe on it.
     */
    public Browser open(String path) {
        driver.get(origin + path);
        return arrived();
    }

    /** Clicks the element (a link, or anything inside one) and checks the page it leads to. */
    public Browser follow(WebElement link) {
        String from = driver.getCurrentUrl();
        link.click();
        new WebDriverWait(driver, WAIT).until(d -> !from.equals(d.getCurrentUrl()) && loaded());
        return arrived();
    }

    /** Clicks the first element matching the locator and checks the page it leads to. */
    public Browser follow(By link) {
        return follow(find(link));
    }

    /** Goes back a page in history, as a reader's Back button does, and checks that page again. */
    public Browser back() {
        driver.navigate().back();
        new WebDriverWait(driver, WAIT).until(d -> loaded());
        return arrived();
    }

    // The one place every page a journey reaches passes through.
    /**
     * Presses a button whose form comes back to the same address (a save that shows the page
     * again), waits for the new page and checks it.
     */
    public Browser submitAndReturn(By button) {
        WebElement pressed = find(button);
        pressed.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(pressed));
        new WebDriverWait(driver, WAIT).until(d -> loaded());
        return arrived();
    }

    /**
     * Types keys where the page has its focus, as a keyboard shortcut that sends a form is pressed,
     * waits for the page the form comes back to and checks it.
     */
    public Browser pressAndReturn(CharSequence keys) {
        WebElement page = find(By.tagName("html"));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        new WebDriverWait(driver, WAIT).until(d -> isGone(page));
        new WebDriverWait(driver, WAIT).until(d -> loaded());
        return arrived();
    }

    /**
     * Whether the element's page has been replaced. Chromium reports a node of a page being torn
     * down either as stale or as a node that "does not belong to the document"; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /**
     * Waits until the page's scripts have filled in what they fetch for it (the conversation, the
     * header for a signed-in reader): each marks what it fills {@code aria-busy} meanwhile.
     */
    public void settled() {
        new WebDriverWait(driver, SETTLE)
                .withMessage("parts of " + path() + " still aria-busy")
                .until(d -> Boolean.TRUE.equals(script(
                        "return document.readyState === 'complete' && !document.querySelector('[aria-busy=true]')")));
    }

    private Browser arrived() {
        settled();
        assertThat(driver.findElements(By.tagName("main")))
                .as("a <main> landmark on %s", path())
                .hasSize(1);
        assertThat(driver.findElements(By.tagName("h1")))
                .as("one <h1> on %s", path())
                .hasSize(1);
        assertThat(driver.getTitle()).as("the <title> of %s", path()).isNotBlank();
        checkAccessibility();
        return this;
    }

    /**
     * Runs axe against the WCAG 2.0, 2.1 and 2.2 A and AA rules on the current page, as its scripts
     * have left it, failing with an AssertionError that lists every violation and where it is.
     */
    public void checkAccessibility() {
        settled();
        Accessibility.check(driver);
    }

    /** The path and query of the current page, such as {@code /world/asia?page=2}. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The page's title, as a tab or search result shows it. */
    public String title() {
        return driver.getTitle();
    }

    /** The page's one top-level heading. */
    public String heading() {
        return find(By.tagName("h1")).getText();
    }

    /** The first element matching the locator; fails if there is none. */
    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    /** Every element matching the locator, in document order. */
    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /** Presses Tab once, as a keyboard user moving on, and returns what then has focus. */
    public WebElement pressTab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return focused();
    }

    /** Presses Enter on whatever has focus, and returns what has focus afterwards. */
    public WebElement pressEnter() {
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        return focused();
    }

    /** The element with keyboard focus ({@code body} when nothing in particular has it). */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Saves what a reader sees now as {@code target/screenshots/<name>-desktop.png} at 1280x900 and
     * {@code <name>-phone.png} at 390x844, then puts the window back as it was.
     */
    public void screenshot(String name) {
        Dimension before = viewport();
        try {
            Files.createDirectories(SCREENSHOTS);
            capture(DESKTOP, SCREENSHOTS.resolve(name + "-desktop.png"));
            capture(PHONE, SCREENSHOTS.resolve(name + "-phone.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resizeViewport(before);
        }
    }

    private void capture(Dimension size, Path file) throws IOException {
        resizeViewport(size);
        // A resize can swap image renditions (srcset); shoot once the images in view have loaded.
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(script(IMAGES_IN_VIEW_LOADED)));
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The size of the page's viewport: what a reader sees of the page, without the window around it. */
    public Dimension viewport() {
        List<?> size = (List<?>) script("return [window.innerWidth, window.innerHeight]");
        return new Dimension(((Number) size.get(0)).intValue(), ((Number) size.get(1)).intValue());
    }

    /**
     * Resizes the window so that the page's viewport is the given size. Even headless, Chromium's
     * window is taller than its viewport, so the window is sized for the difference.
     */
    public void resizeViewport(Dimension size) {
        Dimension window = driver.manage().window().getSize();
        Dimension viewport = viewport();
        driver.manage()
                .window()
                .setSize(new Dimension(
                        size.getWidth() + window.getWidth() - viewport.getWidth(),
                        size.getHeight() + window.getHeight() - viewport.getHeight()));
        new WebDriverWait(driver, WAIT).until(d -> viewport().equals(size));
    }

    /** Saves just the current view, for looking at after a failure. */
    void screenshotAsIs(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs JavaScript in the page; for checks the methods above do not cover. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** A device with a passkey authenticator, verifying its user, in place of a phone or a security key. */
    public VirtualAuthenticator addPasskeyAuthenticator() {
        return ((HasVirtualAuthenticator) driver)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
    }

    public void removePasskeyAuthenticator(VirtualAuthenticator authenticator) {
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
    }

    /** The underlying WebDriver, for anything this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    private boolean loaded() {
        return "complete".equals(script("return document.readyState"));
    }

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        chromium.close();
    }
}
