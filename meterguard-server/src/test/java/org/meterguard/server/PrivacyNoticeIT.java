package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.StaffRole;
import org.meterguard.core.privacy.InformationCategory;
import org.meterguard.core.privacy.NoticeContent;
import org.meterguard.core.privacy.NoticeReason;
import org.meterguard.core.privacy.PrivacyOfficial;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.privacy.PrivacyNotices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The privacy notice: the privacy officer publishes versions with effective dates (audited, refused with a reason
 * when the date or content is wrong, refused to other roles); the public page and API show the current version, the
 * prior ones and any not yet in effect; a notice is due to a new account, logged and audited once given; published
 * versions cannot be changed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class PrivacyNoticeIT {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-privacy").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Accounts accounts;

    @Autowired
    PrivacyNotices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void privacyOfficerPublishesVersionsAndEveryoneSeesCurrentPriorAndUpcoming() throws Exception {
        TestUser po = TestUser.staff(staff, "po", StaffRole.PRIVACY_OFFICER);
        TestUser op = TestUser.staff(staff, "op", StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        LocalDate today = LocalDate.now(ZONE);

        assertThat(api.postJson("/api/v1/privacy/notices", body(today, "v1"), op)
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/privacy/notices", body(today, "v1")).status())
                .isEqualTo(401);
        ApiClient.Answer past = api.postJson("/api/v1/privacy/notices", body(today.minusDays(1), "v0"), po);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("lies in the past");
        ApiClient.Answer noContact = api.postJson(
                "/api/v1/privacy/notices",
                body(today, "v0").replace("\"email\":\"privacy@utility.example\"", "\"email\":\"nobody\""),
                po);
        assertThat(noContact.status()).isEqualTo(400);
        assertThat(noContact.json().get("detail").asString()).contains("'nobody'");
        assertThat(api.get("/api/v1/privacy/notices/current").status()).isEqualTo(404);

        assertThat(api.postJson("/api/v1/privacy/notices", body(today, "v1"), po)
                        .status())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/privacy/notices", body(today, "v2"), po)
                        .status())
                .isEqualTo(201);
        ApiClient.Answer third = api.postJson("/api/v1/privacy/notices", body(today.plusDays(30), "v3"), po);
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.json().get("version").asInt()).isEqualTo(3);
        assertThat(api.postJson("/api/v1/privacy/notices", body(today.plusDays(29), "v4"), po)
                        .json()
                        .get("detail")
                        .asString())
                .contains("before that of version 3");

        JsonNode current = api.get("/api/v1/privacy/notices/current").json();
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("content").get("howToLimit").asString()).isEqualTo("Limit v2");
        assertThat(api.get("/api/v1/privacy/notices").json()).hasSize(3);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'publish-privacy-notice' AND actor = 'po'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("UPDATE privacy_notice SET how_to_limit = 'x' WHERE version = 1")
                        .update())
                .hasMessageContaining("never changed");

        try (Browser browser = Browser.open(httpPort)) {
            Page page = browser.open("/privacy");
            assertThat(page.locator("h1").innerText()).contains("Notice of Accessing, Collecting, Storing");
            assertThat(page.locator("#current-title").innerText())
                    .contains("version 2")
                    .contains("effective");
            assertThat(page.locator("#current").innerText())
                    .contains("Chief Privacy Officer", "privacy@utility.example", "+1 555 0100", "Limit v2")
                    .contains("Interval usage v2", "Billing contractors");
            assertThat(page.locator("#version-1 summary").innerText()).contains("Version 1");
            assertThat(page.locator("#version-3 summary").innerText()).contains("Version 3");
            page.locator("#version-1 summary").click();
            assertThat(page.locator("#version-1").innerText()).contains("Limit v1");
            assertAccessible(page);
            Browser.screenshot(page, "privacy-notice");
            page.setViewportSize(390, 844);
            Browser.screenshot(page, "privacy-notice-phone");
        }
    }

    @Test
    void newAccountIsToldOfTheNoticeOnceAndTheNoticeLogRecordsIt() {
        accounts.open(
                "ACC-NOTICE",
                AccountClass.RESIDENTIAL,
                new Contact("Ada", "1 Main St", null, null),
                Instant.parse("2026-01-01T00:00:00Z"));
        if (notices.current().isEmpty()) { // the tests share one database; publish unless the other test did
            notices.publish(content(), LocalDate.now(ZONE), "po", "PRIVACY_OFFICER");
        }

        PrivacyNotices.NoticeDue due = notices.due("ACC-NOTICE").orElseThrow();
        assertThat(due.reason()).isEqualTo(NoticeReason.NEW_ACCOUNT);
        notices.recordGiven("ACC-NOTICE", due, "portal sign-in");

        assertThat(notices.due("ACC-NOTICE")).isEmpty();
        assertThat(notices.log("ACC-NOTICE")).singleElement().satisfies(g -> assertThat(g.reason())
                .isEqualTo(NoticeReason.NEW_ACCOUNT));
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'give-privacy-notice'"
                                + " AND subject = 'account:ACC-NOTICE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Landmarks, labels and keyboard access every portal page must have. */
    static void assertAccessible(Page page) {
        page.reload(); // keyboard navigation starts from the top of a freshly loaded page
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.locator("header").count()).isPositive();
        assertThat(page.locator("nav[aria-label]").count()).isPositive();
        assertThat(page.locator("main#main").count()).isEqualTo(1);
        assertThat(page.locator("h1").count()).isEqualTo(1);
        assertThat(page.locator("table:not(:has(caption))").count()).isZero();
        assertThat(page.locator("input:not([type=hidden]):not([id])").count()).isZero();
        assertThat(page.locator("img:not([alt])").count()).isZero();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to main content");
    }

    private static NoticeContent content() {
        return new NoticeContent(
                new PrivacyOfficial("Chief Privacy Officer", "privacy@utility.example", "1 Main St", "+1 555 0100"),
                List.of(new InformationCategory("Interval usage", "billing")),
                List.of(),
                "Write to us");
    }

    private static String body(LocalDate effective, String tag) {
        return """
                {"effectiveFrom":"%s",
                 "official":{"title":"Chief Privacy Officer","email":"privacy@utility.example",
                             "postalAddress":"1 Main St, Springfield","phone":"+1 555 0100"},
                 "categories":[{"category":"Interval usage %s","purposes":"billing"}],
                 "disclosures":[{"recipient":"Billing contractors","information":"usage","purpose":"billing"}],
                 "howToLimit":"Limit %s"}""".formatted(effective, tag, tag, tag);
    }
}
