package org.mlc.ledger.api.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver (no browser download: these
 * machines cannot fetch one). One fresh profile per browser; screenshots under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A tablet in landscape, as at a counter. */
    static final int WIDTH = 1180;
    static final int HEIGHT = 1400;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Set on the page a submit leaves, so that the next page is told from it. */
    private static final String OLD_PAGE_MARK = "mlcPageLeft";

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("mlc-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * Lays pages out as on a screen of this size: a phone (mobile, so the page's viewport meta
     * counts) below 800 px, a desktop otherwise.
     */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 800));
    }

    /** A screenshot of the whole page at this width: the screen made as tall as the page for the picture. */
    void fullScreenshot(String name, int width, int height) throws IOException {
        long pageHeight = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        viewport(width, (int) Math.max(height, pageHeight));
        screenshot(name);
        viewport(width, height);
    }

    /** How far the page reaches beyond the window's width, in CSS pixels (0: no horizontal scroll). */
    long overflow() {
        return (Long) driver.executeScript("return Math.max(0, document.documentElement.scrollWidth - "
                + "window.innerWidth);");
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks and waits for the next page. The old page is marked on its window object, which a new
     * document does not have. Waiting for the button to go stale instead asks chromedriver about a
     * node while the page is being replaced, and it sometimes answers with an inspector error
     * ("Node with given id does not belong to the document") rather than a stale reference: CI
     * failed on it once.
     */
    void submit(String css) {
        WebElement button = find(css);
        driver.executeScript("window." + OLD_PAGE_MARK + " = true;");
        button.click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> (Boolean) driver.executeScript(
                "return window." + OLD_PAGE_MARK + " === undefined && document.readyState === 'complete';"));
    }

    void signIn(String username, String password) {
        open("/login");
        type("#username", username);
        type("#password", password);
        submit("#sign-in");
    }

    void signOut() {
        submit("form[action$='/logout'] button");
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * A phone of {@code width} × {@code height} CSS pixels: the window, and the viewport as a mobile
     * browser lays it out (the page's viewport meta tag applies, as on a phone).
     */
    void phone(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** How wide the page is laid out, in CSS pixels: more than the viewport means a horizontal scroll. */
    long scrollWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    /** The text a person reads on the page. */
    String pageText() {
        return (String) driver.executeScript("return document.body.innerText;");
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
