package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.DisclosureRequest;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.consent.DisclosureRefused;
import org.meterguard.server.consent.Disclosures;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The annual privacy report counted from real activity: third parties, contracts, signed authorizations and their
 * revocation, disclosures (permitted and refused), breaches, a cut-off, legal and emergency demands with releases,
 * and an aggregate release, made through the APIs this year, with some activity dated or moved into the year before;
 * each year's report (JSON, CSV, page) counts its own year only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class AnnualPrivacyReportIT {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant DAY = Instant.parse("2026-06-02T07:00:00Z");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final int YEAR = TODAY.getYear();
    private static final int BEFORE = YEAR - 1;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-report").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Assignments assignments;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    Disclosures disclosures;

    @Test
    void eachYearsReportCountsThatYearsActivityOnly() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.trainedStaff(staff, assignments, StaffRole.PRIVACY_OFFICER);
        TestUser csr = TestUser.staff(staff, StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        customerWithADay("R-1", "MG-R-1");
        customerWithADay("R-2", "MG-R-2");
        activity(api, officer, csr);

        JsonNode report = api.get("/api/v1/privacy/reports/" + YEAR, officer).json();
        assertThat(report.get("dueOn").asString()).isEqualTo((YEAR + 1) + "-04-30");
        assertThat(report.get("authorizedThirdParties").toString()).isEqualTo("[\"rep-contractor\"]");
        JsonNode totals = report.get("totals");
        assertThat(totals.get("releases").asLong()).isEqualTo(4);
        assertThat(totals.get("customersDisclosed").asLong()).isEqualTo(2);
        assertThat(report.get("disclosuresRefused").asLong()).isEqualTo(1);
        assertThat(totals.get("authorizationsGranted").asLong()).isEqualTo(2);
        assertThat(totals.get("authorizationsRevoked").asLong()).isEqualTo(1);
        assertThat(report.get("breaches")).singleElement().satisfies(b -> {
            assertThat(b.get("thirdPartyId").asString()).isEqualTo("rep-leaky");
            assertThat(b.get("customersAffected").asLong()).isEqualTo(600);
            assertThat(b.get("reportedLate").asLong()).isEqualTo(1);
        });
        assertThat(report.get("cutOffs"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("reason").asString()).isEqualTo("PRIVACY_OFFICER_DECISION"));
        assertThat(totals.get("legalDemands").asLong()).isEqualTo(1);
        assertThat(totals.get("emergencyRequests").asLong()).isEqualTo(1);
        assertThat(totals.get("customersDisclosedUnderDemands").asLong()).isEqualTo(2);
        assertThat(report.get("aggregates").get("releases").asLong()).isEqualTo(1);
        assertThat(report.get("disclosures"))
                .anySatisfy(line -> {
                    assertThat(line.get("recipient").asString()).isEqualTo("County Fire Department");
                    assertThat(line.get("basisKind").asString()).isEqualTo("LEGAL_DEMAND");
                    assertThat(line.get("items").asLong()).isEqualTo(24);
                })
                .anySatisfy(line -> {
                    assertThat(line.get("recipient").asString()).isEqualTo("rep-contractor");
                    assertThat(line.get("releases").asLong()).isEqualTo(1);
                    assertThat(line.get("items").asLong()).isEqualTo(96);
                });

        JsonNode before = api.get("/api/v1/privacy/reports/" + BEFORE, officer).json();
        assertThat(before.get("authorizedThirdParties").toString()).isEqualTo("[\"rep-old\"]");
        assertThat(before.get("totals").get("releases").asLong()).isEqualTo(1);
        assertThat(before.get("totals").get("breaches").asLong()).isEqualTo(1);
        assertThat(before.get("totals").get("customersAffectedByBreaches").asLong())
                .isEqualTo(100);
        assertThat(before.get("totals").get("legalDemands").asLong()).isEqualTo(1);
        assertThat(before.get("totals").get("cutOffs").asLong()).isZero();
        assertThat(before.get("totals").get("authorizationsGranted").asLong()).isZero();
        assertThat(before.get("aggregates").get("releases").asLong()).isEqualTo(1);
        assertThat(before.get("disclosuresRefused").asLong()).isZero();

        ApiClient.Answer csv = api.get("/api/v1/privacy/reports/" + YEAR + "?format=csv", officer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("section,subject,measure,value\r\nreport," + YEAR + ",due_on," + (YEAR + 1) + "-04-30")
                .contains("\r\nlegal_demands,SUBPOENA,received,1\r\n")
                .contains("\r\nlegal_demands,COURT_ORDER,received,0\r\n")
                .contains("\r\nauthorizations,SIGNED_FORM,revoked,1\r\n");
        ApiClient.Answer page = api.get("/staff/privacy-report?year=" + YEAR, officer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Annual privacy report <span>" + YEAR + "</span>")
                .contains("April 30, " + (YEAR + 1))
                .contains("County Fire Department")
                .as("the signed-in officer is offered sign-out, not the portal's sign-in")
                .contains("<span class=\"who\">" + officer.username() + "</span>")
                .doesNotContain(">Sign in</a>");
        assertThat(api.get("/staff/privacy-report?year=" + YEAR, csr).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/privacy/reports/" + (YEAR + 1), officer).status())
                .isEqualTo(400);
    }

    /** This year's activity through the APIs, and some of the year before. */
    private void activity(ApiClient api, TestUser officer, TestUser csr) throws Exception {
        party(api, officer, "rep-contractor", YEAR + "-01-01", (YEAR + 3) + "-01-01");
        party(api, officer, "rep-old", "2020-01-01", BEFORE + "-06-01");
        party(api, officer, "rep-leaky", null, null);
        String granted1 = grant(api, csr, "R-1");
        String granted2 = grant(api, csr, "R-2");
        assertThat(granted1).isNotEqualTo(granted2);
        assertThat(api.post("/api/v1/accounts/R-2/signed-authorizations/" + granted2 + "/revocation", csr)
                        .status())
                .isEqualTo(200);

        assertThat(disclosures.discloseIntervalUsage(program("R-1"), party("rep-contractor")))
                .hasSize(96);
        assertThat(disclosures.discloseIntervalUsage(secondary("R-1"), party("rep-leaky")))
                .hasSize(24);
        try {
            disclosures.discloseIntervalUsage(secondary("R-2"), party("rep-leaky"));
            throw new AssertionError("a revoked authorization released data");
        } catch (DisclosureRefused expected) {
            // counted as refused
        }
        disclosures.discloseIntervalUsage(program("R-2"), party("rep-contractor"));
        jdbc.sql("UPDATE disclosure_log SET disclosed_at = ?::timestamptz WHERE account_id = 'R-2'"
                        + " AND basis_kind = 'CONTRACT'")
                .param(BEFORE + "-07-01T12:00:00Z")
                .update();

        breach(api, officer, "b-now", YEAR + "-03-02", YEAR + "-03-12", 600);
        breach(api, officer, "b-before", BEFORE + "-05-01", BEFORE + "-05-02", 100);
        assertThat(api.postJson("/api/v1/third-parties/rep-leaky/cut-off", "{\"note\":\"resold\"}", officer)
                        .status())
                .isEqualTo(200);

        demand(api, officer, "LD-R1", "SUBPOENA", "Superior Court", TODAY.minusDays(20), "R-1", true);
        demand(api, officer, "LD-R2", "EMERGENCY", "County Fire Department", TODAY.minusDays(1), "R-2", false);
        demand(api, officer, "LD-R0", "COURT_ORDER", "Superior Court", LocalDate.of(BEFORE, 12, 20), "R-1", false);
        release(api, officer, "LD-R1", "R-1");
        release(api, officer, "LD-R2", "R-2");

        String aggregate = "{\"firstDay\":\"2026-06-02\",\"lastDay\":\"2026-06-02\",\"area\":\"FEEDER\"}";
        assertThat(api.postJson("/api/v1/aggregates/releases", aggregate, officer)
                        .status())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/aggregates/releases", aggregate, officer)
                        .status())
                .isEqualTo(201);
        jdbc.sql("UPDATE aggregate_release SET released_at = ?::timestamptz WHERE release_id ="
                        + " (SELECT max(release_id) FROM aggregate_release)")
                .param(BEFORE + "-03-01T12:00:00Z")
                .update();
    }

    private static void party(ApiClient api, TestUser officer, String id, String effective, String expiry)
            throws Exception {
        assertThat(api.postJson(
                                "/api/v1/third-parties",
                                "{\"thirdPartyId\":\"" + id + "\",\"organization\":\"" + id
                                        + " Inc.\",\"contact\":\"privacy@" + id + ".test\"}",
                                officer)
                        .status())
                .isEqualTo(201);
        if (effective != null) {
            ApiClient.Answer contract = api.postJson(
                    "/api/v1/third-parties/" + id + "/contracts",
                    "{\"contractId\":\"" + id + "-c\",\"terms\":\"program, data protection annex\","
                            + "\"protectiveTermsConfirmed\":true,\"effective\":\"" + effective + "\",\"expiry\":\""
                            + expiry + "\",\"allowedPurposes\":[\"CONTRACTED_PROGRAM\"],"
                            + "\"primaryPurposeContractor\":true}",
                    officer);
            assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        }
    }

    private static String grant(ApiClient api, TestUser csr, String account) throws Exception {
        ApiClient.Answer granted = api.postJson(
                "/api/v1/accounts/" + account + "/signed-authorizations",
                "{\"thirdPartyId\":\"rep-leaky\",\"purpose\":\"home-energy-report\","
                        + "\"categories\":[\"INTERVAL_USAGE\"],\"usageFrom\":\"2026-01-01T00:00:00Z\","
                        + "\"usageTo\":\"2027-01-01T00:00:00Z\",\"finest\":\"HOURLY\","
                        + "\"start\":\"2026-01-01T08:00:00Z\",\"expiry\":null}",
                csr);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().get("authorizationId").asString();
    }

    private static void breach(
            ApiClient api, TestUser officer, String id, String detected, String reported, int customers)
            throws Exception {
        assertThat(api.postJson(
                                "/api/v1/third-parties/rep-leaky/breaches",
                                "{\"breachId\":\"" + id + "\",\"detected\":\"" + detected
                                        + "\",\"reportedByThirdParty\":\"" + reported + "\",\"customersAffected\":"
                                        + customers + "}",
                                officer)
                        .status())
                .isEqualTo(201);
    }

    private static void demand(
            ApiClient api,
            TestUser officer,
            String id,
            String kind,
            String issuer,
            LocalDate received,
            String account,
            boolean noticeForbidden)
            throws Exception {
        ApiClient.Answer answer = api.postJson(
                "/api/v1/legal-demands",
                "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"issuer\":\"" + issuer + "\",\"receivedOn\":\""
                        + received + "\",\"accountIds\":[\"" + account + "\"],\"categories\":[\"INTERVAL_USAGE\"],"
                        + "\"usageFrom\":\"2026-06-01\",\"usageThrough\":\"2026-06-30\",\"noticeForbidden\":"
                        + noticeForbidden + "}",
                officer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static void release(ApiClient api, TestUser officer, String id, String account) throws Exception {
        ApiClient.Answer answer = api.postJson(
                "/api/v1/legal-demands/" + id + "/releases",
                "{\"accountId\":\"" + account + "\",\"usageFrom\":\"" + DAY + "\",\"usageTo\":\""
                        + DAY.plusSeconds(86_400) + "\",\"granularity\":\"HOURLY\"}",
                officer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private DisclosureRequest program(String account) {
        return new DisclosureRequest(
                "rep-contractor",
                account,
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.QUARTER_HOURLY,
                disclosures.now());
    }

    private DisclosureRequest secondary(String account) {
        return new DisclosureRequest(
                "rep-leaky",
                account,
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.HOURLY,
                disclosures.now());
    }

    private static Actor party(String id) {
        return new Actor(id, "THIRD_PARTY", "");
    }

    private void customerWithADay(String accountId, String meter) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        points.create(new ServicePoint("SP-" + meter, "F-1", "NORTH", 120));
        Instant installed = Instant.parse("2025-01-01T00:00:00Z");
        points.install(MeterId.of(meter), "SP-" + meter, installed);
        accounts.open(accountId, AccountClass.RESIDENTIAL, new Contact("Pat Doe", "1 Main St", null, null), installed);
        accounts.moveIn(accountId, "SP-" + meter, installed);
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            readings.add(new IntervalReading(DAY.plusSeconds(900L * i), 100, ReadingQuality.RAW));
        }
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);
    }
}
