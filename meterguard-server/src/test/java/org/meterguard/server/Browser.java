package org.meterguard.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Chromium for browser tests, driven by Playwright against Debian's {@code chromium} (no browser is ever
 * downloaded; the machine may have no network). Each instance has a fresh profile. When no Chromium is installed,
 * {@link #open} skips the test with a message saying how to install it. Screenshots go to
 * {@code target/browser-screenshots}, kept as the build's artifacts.
 */
public final class Browser implements AutoCloseable {
    /** Where Debian's {@code chromium} package installs the browser; {@code MG_CHROMIUM} overrides it. */
    public static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("MG_CHROMIUM", "/usr/bin/chromium"));

    public static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

    private static final List<String> ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final BrowserContext context;
    private final Path profile;
    private final String base;

    private Browser(Playwright playwright, BrowserContext context, Path profile, String base) {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
        this.base = base;
    }

    /** A browser against the server on {@code port}; skips the calling test when Chromium is not installed. */
    public static Browser open(int port) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "browser test skipped: no Chromium at " + CHROMIUM
                        + "; install it with `apt-get install chromium` (or set MG_CHROMIUM to its path)");
        Path profile = Files.createTempDirectory("meterguard-chromium");
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            BrowserContext context = playwright
                    .chromium()
                    .launchPersistentContext(
                            profile,
                            new BrowserType.LaunchPersistentContextOptions()
                                    .setExecutablePath(CHROMIUM)
                                    .setHeadless(true)
                                    .setArgs(ARGS)
                                    .setAcceptDownloads(true)
                                    .setViewportSize(1280, 900));
            context.setDefaultTimeout(15_000);
            return new Browser(playwright, context, profile, "http://127.0.0.1:" + port);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new tab at {@code path} on the server. */
    public Page open(String path) {
        Page page =
                context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.navigate(base + path);
        return page;
    }

    /** The base address of the server. */
    public String base() {
        return base;
    }

    /** Saves a full-page screenshot as {@code target/browser-screenshots/NAME.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            context.close();
        } finally {
            playwright.close();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
