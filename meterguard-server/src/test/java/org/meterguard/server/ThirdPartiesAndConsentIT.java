package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
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
import org.meterguard.core.consent.AuthorizationScope;
import org.meterguard.core.consent.DisclosureRequest;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.consent.AuthorizationGrant;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.consent.DisclosureRefused;
import org.meterguard.server.consent.Disclosures;
import org.meterguard.server.consent.UsageValue;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.web.Conflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The third-party registry, customers' authorizations and the disclosure log, over HTTP and through the disclosure
 * service against real PostgreSQL: no disclosure without a valid basis; revocation and cut-off refuse the very next
 * request (refusals audited); an expired authorization returns nothing; breaches flag the regulator's notice and a
 * pattern of breach cuts the party off.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class ThirdPartiesAndConsentIT {
    private static final Instant DAY = Instant.parse("2026-06-02T07:00:00Z");
    private static final Actor THIRD_PARTY = new Actor("acme-energy", "THIRD_PARTY", "203.0.113.9");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-consent").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    Authorizations authorizations;

    @Autowired
    Disclosures disclosures;

    @Test
    void aSignedFormAuthorizesDisclosureUntilItsSignedRevocation() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        TestUser csr = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        register(api, officer, "acme-energy");
        customerWithADay("A-1", "MG-C-1", AccountClass.RESIDENTIAL);

        ApiClient.Answer granted =
                api.postJson("/api/v1/accounts/A-1/signed-authorizations", grantJson("acme-energy", null), csr);
        assertThat(granted.status()).isEqualTo(201);
        String id = granted.json().get("authorizationId").asString();
        assertThat(granted.json().get("mechanism").asString()).isEqualTo("SIGNED_FORM");

        List<UsageValue> hourly =
                disclosures.discloseIntervalUsage(request("acme-energy", Granularity.HOURLY), THIRD_PARTY);
        assertThat(hourly).hasSize(24);
        assertThat(hourly.get(0).value()).isEqualTo(4 * 100);
        JsonNode log = api.get("/api/v1/disclosures?account=A-1", officer).json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("basisKind").asString()).isEqualTo("CUSTOMER_AUTHORIZATION");
        assertThat(log.get(0).get("basisId").asString()).isEqualTo(id);
        assertThat(log.get(0).get("items").asLong()).isEqualTo(24);

        // finer than authorized: refused, audited with what was asked
        assertThatThrownBy(() -> disclosures.discloseIntervalUsage(
                        request("acme-energy", Granularity.QUARTER_HOURLY), THIRD_PARTY))
                .isInstanceOf(DisclosureRefused.class)
                .hasMessageContaining("finer than the authorized HOURLY");

        // a second authorization for the same party and purpose while the first is in force
        assertThat(api.postJson("/api/v1/accounts/A-1/signed-authorizations", grantJson("acme-energy", null), csr)
                        .status())
                .isEqualTo(409);
        // granted on paper, it cannot be revoked online
        assertThatThrownBy(() -> authorizations.revoke(
                        "A-1", id, GrantMechanism.ONLINE, new Actor("customer:A-1", "CUSTOMER", "")))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("can be revoked only SIGNED_FORM");

        ApiClient.Answer revoked = api.post("/api/v1/accounts/A-1/signed-authorizations/" + id + "/revocation", csr);
        assertThat(revoked.status()).isEqualTo(200);
        assertThatThrownBy(() ->
                        disclosures.discloseIntervalUsage(request("acme-energy", Granularity.HOURLY), THIRD_PARTY))
                .isInstanceOf(DisclosureRefused.class)
                .hasMessageContaining("is REVOKED");
        assertThat(api.get("/api/v1/disclosures?account=A-1", officer).json()).hasSize(1);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT decision FROM audit_entry WHERE action = 'disclose-covered-data'"
                                + " AND subject = 'account:A-1' ORDER BY seq")
                        .query(String.class)
                        .list())
                .containsExactly("PERMIT", "DENY", "DENY");
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT basis FROM audit_entry WHERE action = 'disclose-covered-data'"
                                + " AND subject = 'account:A-1' AND decision = 'PERMIT'")
                        .query(String.class)
                        .single())
                .isEqualTo(id);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'disclose-covered-data' ORDER BY seq DESC"
                                + " LIMIT 1")
                        .query(String.class)
                        .single())
                .contains("to acme-energy: INTERVAL_USAGE 2026-06-02T07:00:00Z/2026-06-03T07:00:00Z HOURLY")
                .contains("refused: authorization " + id + " is REVOKED");
        auditLog.awaitProjected();
        assertThat(jdbc.sql(
                                "SELECT action FROM audit_entry WHERE subject = 'account:A-1' AND action LIKE '%-authorization'"
                                        + " ORDER BY seq")
                        .query(String.class)
                        .list())
                .containsExactly("grant-authorization", "revoke-authorization");
    }

    @Test
    void aCustomerGrantsOnlineAndOnlyOnlineRevocationEndsItAtOnce() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        register(api, account(StaffRole.PRIVACY_OFFICER), "online-co");
        customerWithADay("A-5", "MG-C-5", AccountClass.RESIDENTIAL);
        Actor customer = new Actor("customer-A-5", "CUSTOMER", "198.51.100.7");
        Actor party = new Actor("online-co", "THIRD_PARTY", "");
        AuthorizationGrant grant = new AuthorizationGrant(
                "online-co",
                "home-energy-report",
                new AuthorizationScope(
                        java.util.EnumSet.of(InformationCategory.INTERVAL_USAGE),
                        new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
                        Granularity.DAILY),
                Instant.parse("2026-01-01T00:00:00Z"),
                java.util.Optional.empty());

        String id = authorizations
                .grant("A-5", grant, GrantMechanism.ONLINE, customer)
                .authorizationId();
        DisclosureRequest daily = new DisclosureRequest(
                "online-co",
                "A-5",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.DAILY,
                disclosures.now());
        assertThat(disclosures.discloseIntervalUsage(daily, party))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo(96 * 100));
        assertThatThrownBy(() -> authorizations.revoke(
                        "A-5",
                        id,
                        GrantMechanism.SIGNED_FORM,
                        new Actor("csr-1", "CUSTOMER_SERVICE_REPRESENTATIVE", "")))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("can be revoked only ONLINE");
        assertThat(authorizations.validById(
                        id,
                        "A-5",
                        InformationCategory.INTERVAL_USAGE,
                        new TimeRange(DAY, DAY.plusSeconds(86_400)),
                        disclosures.now()))
                .isPresent();

        authorizations.revoke("A-5", id, GrantMechanism.ONLINE, customer);

        DisclosureRequest next = new DisclosureRequest(
                "online-co",
                "A-5",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.DAILY,
                disclosures.now());
        assertThatThrownBy(() -> disclosures.discloseIntervalUsage(next, party))
                .isInstanceOf(DisclosureRefused.class)
                .hasMessageContaining("is REVOKED");
        assertThat(authorizations.validById(
                        id,
                        "A-5",
                        InformationCategory.INTERVAL_USAGE,
                        new TimeRange(DAY, DAY.plusSeconds(86_400)),
                        disclosures.now()))
                .isEmpty();
        assertThat(disclosures.log("online-co", "A-5", 10)).hasSize(1);
    }

    @Test
    void anExpiredAuthorizationReturnsNothing() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        TestUser csr = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        register(api, officer, "expiring-co");
        customerWithADay("A-2", "MG-C-2", AccountClass.COMMERCIAL);

        ApiClient.Answer open =
                api.postJson("/api/v1/accounts/A-2/signed-authorizations", grantJson("expiring-co", null), csr);
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.json().get("detail").asString()).contains("non-residential account and needs an expiry");
        assertThat(api.postJson(
                                "/api/v1/accounts/A-2/signed-authorizations",
                                grantJson("expiring-co", "2026-03-01T08:00:00Z"),
                                csr)
                        .status())
                .isEqualTo(201);

        assertThatThrownBy(() -> disclosures.discloseIntervalUsage(
                        new DisclosureRequest(
                                "expiring-co",
                                "A-2",
                                PurposeOfUse.SECONDARY,
                                "home-energy-report",
                                InformationCategory.INTERVAL_USAGE,
                                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                                Granularity.HOURLY,
                                disclosures.now()),
                        THIRD_PARTY))
                .isInstanceOf(DisclosureRefused.class)
                .hasMessageContaining("is EXPIRED");
        assertThat(disclosures.log("expiring-co", null, 10)).isEmpty();
    }

    @Test
    void aCutOffRefusesTheVeryNextRequestOnAContract() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        register(api, officer, "dr-contractor");
        customerWithADay("A-3", "MG-C-3", AccountClass.RESIDENTIAL);
        assertThat(api.postJson("/api/v1/third-parties/dr-contractor/contracts", """
                                {"contractId":"dr-2026","terms":"demand response program, data protection annex B",
                                 "protectiveTermsConfirmed":true,"effective":"2026-01-01","expiry":"2030-01-01",
                                 "allowedPurposes":["CONTRACTED_PROGRAM"],"primaryPurposeContractor":true}""", officer)
                        .status())
                .isEqualTo(201);
        DisclosureRequest program = new DisclosureRequest(
                "dr-contractor",
                "A-3",
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.QUARTER_HOURLY,
                disclosures.now());
        Actor contractor = new Actor("dr-contractor", "THIRD_PARTY", "");

        assertThat(disclosures.discloseIntervalUsage(program, contractor)).hasSize(96);
        assertThat(api.postJson("/api/v1/third-parties/dr-contractor/cut-off", "{\"note\":\"resold data\"}", officer)
                        .status())
                .isEqualTo(200);
        DisclosureRequest next = new DisclosureRequest(
                "dr-contractor",
                "A-3",
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                Granularity.QUARTER_HOURLY,
                disclosures.now());
        assertThatThrownBy(() -> disclosures.discloseIntervalUsage(next, contractor))
                .isInstanceOf(DisclosureRefused.class)
                .hasMessageContaining("was cut off at");
        assertThat(disclosures.log("dr-contractor", null, 10)).hasSize(1);
        assertThat(api.get("/api/v1/third-parties/dr-contractor", officer)
                        .json()
                        .get("party")
                        .get("cutOff")
                        .get("reason")
                        .asString())
                .isEqualTo("PRIVACY_OFFICER_DECISION");
        assertThat(api.postJson("/api/v1/third-parties/dr-contractor/cut-off", "{\"note\":\"again\"}", officer)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void breachesFlagTheRegulatorsNoticeAndAPatternCutsThePartyOff() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        register(api, officer, "leaky-co");

        JsonNode first = breach(api, officer, "b-1", "2026-03-02", "2026-03-12", 600);
        JsonNode second = breach(api, officer, "b-2", "2026-05-02", null, 400);
        assertThat(first.get("reportLate").asBoolean()).isTrue();
        assertThat(first.get("regulatorNoticeDue").isNull()).isTrue();
        assertThat(second.get("cumulativeCustomers").asLong()).isEqualTo(1000);
        assertThat(second.get("regulatorNoticeDue").asString()).isEqualTo("2026-05-16");
        assertThat(api.get("/api/v1/third-parties/breaches/regulator-notices", officer)
                        .json())
                .singleElement()
                .satisfies(n -> assertThat(n.get("breachId").asString()).isEqualTo("b-2"));
        assertThat(api.get("/api/v1/third-parties/leaky-co", officer)
                        .json()
                        .get("party")
                        .get("cutOff")
                        .isNull())
                .isTrue();

        JsonNode third = breach(api, officer, "b-3", "2026-06-02", "2026-06-03", 1);
        assertThat(third.get("patternOfBreach").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/third-parties/leaky-co", officer)
                        .json()
                        .get("party")
                        .get("cutOff")
                        .get("reason")
                        .asString())
                .isEqualTo("PATTERN_OF_BREACH");
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject = 'third-party:leaky-co' ORDER BY seq")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "register-third-party",
                        "record-breach",
                        "record-breach",
                        "record-breach",
                        "cut-off-third-party");
    }

    @Test
    void onlyThePrivacyOfficerKeepsTheRegistryAndOnlyRepresentativesEnterForms() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser csr = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        TestUser auditor = account(StaffRole.SECURITY_AUDITOR);

        assertThat(api.postJson(
                                "/api/v1/third-parties",
                                "{\"thirdPartyId\":\"x\",\"organization\":\"X\",\"contact\":\"c\"}",
                                csr)
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/accounts/A-9/signed-authorizations", grantJson("x", null), officer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/third-parties", auditor).status()).isEqualTo(200);
        ApiClient.Answer bad = api.postJson(
                "/api/v1/third-parties",
                "{\"thirdPartyId\":\"no spaces\",\"organization\":\"X\",\"contact\":\"c\"}",
                officer);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("invalid third-party id 'no spaces'");
    }

    @Test
    void anOpenEndedResidentialAuthorizationIsDueItsYearlyReminder() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        register(api, officer, "reminder-co");
        customerWithADay("A-4", "MG-C-4", AccountClass.RESIDENTIAL);
        String form = grantJson("reminder-co", null)
                .replace("2026-01-01T08:00:00Z\",\"expiry\"", "2024-01-01T08:00:00Z\",\"expiry\"");
        String id = api.postJson(
                        "/api/v1/accounts/A-4/signed-authorizations",
                        form,
                        account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE))
                .json()
                .get("authorizationId")
                .asString();

        JsonNode due = api.get("/api/v1/authorizations/reminders-due", officer).json();
        assertThat(due)
                .anySatisfy(a -> assertThat(a.get("authorizationId").asString()).isEqualTo(id));
        authorizations.markReminded(id, Instant.now(), new Actor("reminder-job", "SYSTEM", ""));
        assertThat(api.get("/api/v1/authorizations/reminders-due", officer).json())
                .noneSatisfy(
                        a -> assertThat(a.get("authorizationId").asString()).isEqualTo(id));
    }

    private JsonNode breach(ApiClient api, TestUser officer, String id, String detected, String reported, int customers)
            throws Exception {
        ApiClient.Answer answer = api.postJson(
                "/api/v1/third-parties/leaky-co/breaches",
                "{\"breachId\":\"" + id + "\",\"detected\":\"" + detected + "\",\"reportedByThirdParty\":"
                        + (reported == null ? "null" : "\"" + reported + "\"") + ",\"customersAffected\":" + customers
                        + "}",
                officer);
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }

    private static String grantJson(String party, String expiry) {
        return "{\"thirdPartyId\":\"" + party + "\",\"purpose\":\"home-energy-report\","
                + "\"categories\":[\"INTERVAL_USAGE\"],\"usageFrom\":\"2026-01-01T00:00:00Z\","
                + "\"usageTo\":\"2027-01-01T00:00:00Z\",\"finest\":\"HOURLY\",\"start\":\"2026-01-01T08:00:00Z\","
                + "\"expiry\":" + (expiry == null ? "null" : "\"" + expiry + "\"") + "}";
    }

    private DisclosureRequest request(String party, Granularity granularity) {
        return new DisclosureRequest(
                party,
                "A-1",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(DAY, DAY.plusSeconds(86_400)),
                granularity,
                disclosures.now());
    }

    private void register(ApiClient api, TestUser officer, String id) throws Exception {
        ApiClient.Answer answer = api.postJson(
                "/api/v1/third-parties",
                "{\"thirdPartyId\":\"" + id + "\",\"organization\":\"" + id + " Inc.\",\"contact\":\"privacy@" + id
                        + ".test\"}",
                officer);
        assertThat(answer.status()).isEqualTo(201);
    }

    private void customerWithADay(String accountId, String meter, AccountClass accountClass) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        points.create(new ServicePoint("SP-" + meter, "F-1", "NORTH", 120));
        Instant installed = Instant.parse("2025-01-01T00:00:00Z");
        points.install(MeterId.of(meter), "SP-" + meter, installed);
        accounts.open(accountId, accountClass, new Contact("Pat Doe", "1 Main St", null, null), installed);
        accounts.moveIn(accountId, "SP-" + meter, installed);
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            readings.add(new IntervalReading(DAY.plusSeconds(900L * i), 100, ReadingQuality.RAW));
        }
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private TestUser account(StaffRole role) {
        return TestUser.staff(staff, role);
    }
}
