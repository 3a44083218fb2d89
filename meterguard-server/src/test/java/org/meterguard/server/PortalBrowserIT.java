package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.core.privacy.InformationCategory;
import org.meterguard.core.privacy.NoticeContent;
import org.meterguard.core.privacy.PrivacyOfficial;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.access.Actor;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.privacy.PrivacyNotices;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.thirdparties.ThirdParties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The customer portal in a real Chromium: a customer signs in, is told of the privacy notice, sees their usage
 * charts drawn with data (estimates counted, the period before compared), changes the resolution, sees their
 * accounts, service points and outages, and cannot read another account's usage. Screenshots are saved.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false", "meterguard.vee.enabled=false"})
class PortalBrowserIT {
    private static final String PASSWORD = "a-long-customer-passphrase";
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final MeterId METER = MeterId.of("MG-WEB-1");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-portal").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    CustomerUsers customers;

    @Autowired
    PrivacyNotices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthPartitions partitions;

    @Autowired
    ThirdParties thirdParties;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Authorizations authorizations;

    @Test
    void customerSignsInAndSeesTheirOwnUsageChartsAccountsAndOutages() throws Exception {
        Instant now = Instant.now();
        Instant moveIn = LocalDate.now(ZONE).minusDays(400).atStartOfDay(ZONE).toInstant();
        customerWithMeter("ACC-WEB", "SP-WEB", moveIn);
        accounts.open("ACC-OTHER", AccountClass.RESIDENTIAL, new Contact("Other", "2 Main St", null, null), moveIn);
        customers.create("ada", PASSWORD, List.of("ACC-WEB"), new Actor("test", "ADMINISTRATOR", ""));
        quarterHours(moveIn, now.minus(Duration.ofHours(1)));
        thirdParties.register(
                new ThirdParty("tp-solar", "SunCalc Energy Advice", "ops@suncalc.example", Optional.empty()),
                new org.meterguard.server.audit.Actor("po", "PRIVACY_OFFICER", ""));
        outage(now.minus(Duration.ofDays(3)), Duration.ofMinutes(95));
        notices.publish(notice(), LocalDate.now(ZONE), "po", "PRIVACY_OFFICER");

        try (Browser browser = Browser.open(httpPort)) {
            Page page = browser.open("/portal");
            assertThat(page.url()).endsWith("/portal/sign-in");
            PrivacyNoticeIT.assertAccessible(page);
            Browser.screenshot(page, "portal-sign-in");
            page.getByLabel("User name").fill("ada");
            page.getByLabel("Password").fill("wrong password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.locator("#sign-in-status:not([hidden])").waitFor();
            assertThat(page.locator("#sign-in-status").innerText()).contains("wrong");
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL("**/portal");

            page.locator("#import-chart[data-rendered=true]").waitFor();
            assertThat(page.locator("#import-chart").getAttribute("data-points"))
                    .isEqualTo("31");
            assertThat(page.locator("#total-import").innerText())
                    .doesNotStartWith("0 ")
                    .endsWith("kWh");
            assertThat(page.locator("#total-estimated").innerText()).isEqualTo("4");
            assertThat(page.locator("#compare-import").innerText()).contains("against the period before");
            assertThat(page.locator("#privacy-notice-due").innerText()).contains("Version 1");
            assertThat(pixelsDrawn(page, "import-chart")).isPositive();
            Browser.screenshot(page, "portal-dashboard");
            PrivacyNoticeIT.assertAccessible(page);
            assertThat(page.locator("#privacy-notice-due").count()).isZero(); // told once, logged
            assertThat(notices.log("ACC-WEB")).hasSize(1);

            page.locator("#import-chart[data-rendered=true]").waitFor();
            page.getByLabel("Detail").selectOption("HOUR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            page.waitForFunction("Number(document.getElementById('import-chart').dataset.points) > 700");
            page.setViewportSize(390, 844);
            Browser.screenshot(page, "portal-dashboard-phone");
            page.setViewportSize(1280, 900);

            Object refused = page.evaluate("fetch('/api/v1/me/usage?account=ACC-OTHER&from=2026-01-01&to=2026-02-01')"
                    + ".then(r => r.status)");
            assertThat(refused).isEqualTo(403);

            page.navigate(browser.base() + "/portal/accounts");
            assertThat(page.locator("#account-ACC-WEB").innerText()).contains("SP-WEB", "MG-WEB-1", "now");
            assertThat(page.locator("main").innerText()).doesNotContain("ACC-OTHER");
            Browser.screenshot(page, "portal-accounts");

            page.navigate(browser.base() + "/portal/outages");
            assertThat(page.locator("#outages tbody tr").count()).isEqualTo(1);
            assertThat(page.locator("#outages").innerText()).contains("1 h 35 min");
            Browser.screenshot(page, "portal-outages");

            page.navigate(browser.base() + "/portal/rates");
            page.locator("#run-comparison").click();
            page.locator("#cheapest").waitFor();
            assertThat(page.locator("#rate-table tbody tr").count()).isGreaterThan(1);
            assertThat(page.locator("#rate-table tbody tr.cheapest").count()).isEqualTo(1);
            assertThat(page.locator("#cheapest").innerText()).contains("Cheapest for you");
            Browser.screenshot(page, "portal-rates");
            PrivacyNoticeIT.assertAccessible(page);

            page.navigate(browser.base() + "/portal/authorizations");
            page.getByLabel("Purpose").fill("solar-sizing");
            page.locator("#grant-submit").click();
            page.waitForLoadState();
            Browser.screenshot(page, "portal-authorization-grant-answer");
            page.locator("#authorization-done").waitFor();
            assertThat(page.locator("table.authorizations .status").innerText()).isEqualTo("ACTIVE");
            Browser.screenshot(page, "portal-authorization-granted");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Revoke the authorization of SunCalc Energy Advice"))
                    .click();
            page.locator("#authorization-done").waitFor();
            assertThat(page.locator("#authorization-done").innerText()).startsWith("Revoked");
            assertThat(page.locator("table.authorizations .status").innerText()).isEqualTo("REVOKED");
            Browser.screenshot(page, "portal-authorization-revoked");
            assertThat(authorizations.forAccount("ACC-WEB")).singleElement().satisfies(a -> assertThat(
                            a.revocation().orElseThrow().mechanism())
                    .isEqualTo(GrantMechanism.ONLINE));

            auditLog.awaitProjected();
            page.navigate(browser.base() + "/portal/access-history");
            assertThat(page.locator("#access-history").innerText()).contains("read-usage");
            Browser.screenshot(page, "portal-access-history");

            page.navigate(browser.base() + "/portal/green-button");
            PrivacyNoticeIT.assertAccessible(page);
            Download download =
                    page.waitForDownload(() -> page.locator("#gb-download").click());
            byte[] xml = Files.readAllBytes(download.path());
            assertThat(download.suggestedFilename())
                    .startsWith("greenbutton-ACC-WEB-")
                    .endsWith(".xml");
            assertThat(new String(xml, StandardCharsets.UTF_8))
                    .contains("IntervalReading", "ReadingQuality", "LocalTimeParameters");
            Browser.screenshot(page, "portal-green-button");
            validateGreenButton(xml);
        }
        auditLog.awaitProjected();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_entry WHERE actor = 'ada' AND subject = 'account:ACC-WEB'"
                                        + " AND decision = 'PERMIT' AND action IN ('read-usage', 'read-account', 'read-outages')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'ada' AND subject = 'account:ACC-OTHER'"
                                + " AND decision = 'DENY'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Validates against the shared Green Button schema, offline; skipped with a message where it is absent. */
    static void validateGreenButton(byte[] xml) throws Exception {
        Path schema = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null && schema == null; at = at.getParent()) {
            Path candidate = at.resolve("shared/data/greenbutton/schema/greenbutton.xsd");
            schema = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(
                schema != null,
                "shared material missing: no shared/data/greenbutton/schema/greenbutton.xsd above "
                        + Path.of("").toAbsolutePath() + "; download not validated");
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(schema.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Non-transparent pixels Chart.js drew on the canvas. */
    static long pixelsDrawn(Page page, String canvasId) {
        Object drawn = page.evaluate(
                "id => { const c = document.getElementById(id);"
                        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n; }",
                canvasId);
        return ((Number) drawn).longValue();
    }

    private void customerWithMeter(String accountId, String servicePoint, Instant moveIn) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, 77, 'MG-SIM-R1')")
                .param(METER.value())
                .update();
        points.create(new ServicePoint(servicePoint, "F-9", "SOUTH", 240));
        points.install(METER, servicePoint, moveIn.minus(Duration.ofDays(400)));
        accounts.open(accountId, AccountClass.RESIDENTIAL, new Contact("Ada", "1 Main St", null, null), moveIn);
        accounts.moveIn(accountId, servicePoint, moveIn);
    }

    private void quarterHours(Instant from, Instant to) {
        List<IntervalReading> imported = new ArrayList<>();
        Instant first = Instant.ofEpochSecond(from.getEpochSecond() / 900 * 900);
        Instant estimated = Instant.ofEpochSecond(to.minus(Duration.ofDays(2)).getEpochSecond() / 900 * 900);
        int n = 0;
        for (Instant t = first; t.isBefore(to); t = t.plusSeconds(900), n++) {
            boolean isEstimate = !t.isBefore(estimated) && t.isBefore(estimated.plusSeconds(3600));
            ReadingQuality quality = isEstimate ? ReadingQuality.ESTIMATED_REFERENCE_DAY : ReadingQuality.VALID;
            imported.add(new IntervalReading(t, 100 + n % 96 * 3, quality));
        }
        store.merge(METER, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, imported);
    }

    private void outage(Instant start, Duration length) {
        partitions.ensure(
                MonthPartitions.Table.METER_EVENT,
                List.of(
                        LocalDate.ofInstant(start, ZoneOffset.UTC),
                        LocalDate.ofInstant(start.plus(length), ZoneOffset.UTC)));
        for (Object[] event : new Object[][] {{start, 1}, {start.plus(length), 2}}) {
            jdbc.sql(
                            "INSERT INTO meter_event (meter_id, occurred_at, event_log, code) VALUES (?, ?, '0.0.99.98.2.255', ?)")
                    .params(METER.value(), Timestamp.from((Instant) event[0]), event[1])
                    .update();
        }
    }

    private static NoticeContent notice() {
        return new NoticeContent(
                new PrivacyOfficial("Chief Privacy Officer", "privacy@utility.example", "1 Main St", "+1 555 0100"),
                List.of(new InformationCategory("Interval usage", "billing")),
                List.of(),
                "Write to us");
    }
}
