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
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The legal-demand register over HTTP against real PostgreSQL: a subpoena is released only after the customer was
 * notified and the contest period passed (refusals say why and are audited); an emergency request and an order that
 * forbids notice are released at once, their ground recorded; a contest holds every release until resolved; each
 * release is in the disclosure log (basis LEGAL_DEMAND, to the issuer) and in the customer's access history, except
 * where an order forbids telling the customer; the security auditor reads the register and changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class LegalDemandsIT {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant DAY = Instant.parse("2026-06-02T07:00:00Z");
    private static final LocalDate TODAY = LocalDate.now(ZONE);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-legal").toString();
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
    Assignments assignments;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Test
    void aSubpoenaIsReleasedOnlyAfterTheCustomersNoticeAndTheContestPeriod() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.trainedStaff(staff, assignments, StaffRole.PRIVACY_OFFICER);
        customerWithADay("L-1", "MG-L-1");
        customerWithADay("L-2", "MG-L-2");
        assertThat(register(api, officer, "LD-S", "SUBPOENA", List.of("L-1", "L-2"), false)
                        .status())
                .isEqualTo(201);

        ApiClient.Answer unnoticed = release(api, officer, "LD-S", "L-1", DAY);
        assertThat(unnoticed.status()).isEqualTo(403);
        assertThat(unnoticed.json().get("detail").asString())
                .contains("has not been notified of SUBPOENA LD-S")
                .contains("allow 7 days to contest");

        assertThat(notice(api, officer, "LD-S", "L-1", TODAY.minusDays(3)).status())
                .isEqualTo(201);
        ApiClient.Answer early = release(api, officer, "LD-S", "L-1", DAY);
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().get("detail").asString())
                .contains("may contest it through " + TODAY.plusDays(4))
                .contains("nothing is released before " + TODAY.plusDays(5));
        assertThat(notice(api, officer, "LD-S", "L-1", TODAY.minusDays(3)).status())
                .isEqualTo(409);

        assertThat(notice(api, officer, "LD-S", "L-2", TODAY.minusDays(8)).status())
                .isEqualTo(201);
        ApiClient.Answer released = release(api, officer, "LD-S", "L-2", DAY);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("values")).hasSize(24);
        assertThat(released.json().get("values").get(0).get("value").asLong()).isEqualTo(400);
        assertThat(release(api, officer, "LD-S", "L-2", DAY.plusSeconds(40 * 86_400L))
                        .json()
                        .get("detail")
                        .asString())
                .contains("outside the demanded 2026-06-01 through 2026-06-30");

        JsonNode log = api.get("/api/v1/disclosures?account=L-2", officer).json();
        assertThat(log).singleElement().satisfies(line -> {
            assertThat(line.get("basisKind").asString()).isEqualTo("LEGAL_DEMAND");
            assertThat(line.get("basisId").asString()).isEqualTo("LD-S");
            assertThat(line.get("recipient").asString()).isEqualTo("Superior Court, Dept. 12");
            assertThat(line.get("thirdPartyId").isNull()).isTrue();
            assertThat(line.get("releaseGround").asString()).isEqualTo("CONTEST_PERIOD_PASSED");
            assertThat(line.get("items").asLong()).isEqualTo(24);
        });
        JsonNode demand = api.get("/api/v1/legal-demands/LD-S", officer).json();
        assertThat(demand.get("notices")).hasSize(2);
        assertThat(demand.get("releases")).hasSize(1);
        assertThat(demand.get("accounts").get(0).get("accountId").asString()).isEqualTo("L-1");
        assertThat(demand.get("accounts").get(0).get("releasableNow").asBoolean())
                .isFalse();
        assertThat(demand.get("accounts").get(0).get("releasableFrom").asString())
                .isEqualTo(TODAY.plusDays(5).toString());
        assertThat(demand.get("accounts").get(1).get("releasableNow").asBoolean())
                .isTrue();

        JsonNode history = accessHistory(api, officer, "L-2");
        assertThat(history).anySatisfy(entry -> {
            assertThat(entry.get("action").asString()).isEqualTo("disclose-covered-data");
            assertThat(entry.get("basisKind").asString()).isEqualTo("LEGAL_DEMAND");
            assertThat(entry.get("accessor").asString()).isEqualTo("Superior Court, Dept. 12");
            assertThat(entry.get("decision").asString()).isEqualTo("PERMIT");
        });
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action || ' ' || decision FROM audit_entry WHERE subject = 'account:L-1'"
                                + " AND (resource LIKE 'legal-demands/%' OR action = 'disclose-covered-data')"
                                + " ORDER BY seq")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "register-legal-demand EXECUTED",
                        "disclose-covered-data DENY",
                        "notify-customer-of-legal-demand EXECUTED",
                        "disclose-covered-data DENY");
    }

    @Test
    void anEmergencyAndAnOrderThatForbidsNoticeAreReleasedAtOnceAndTheGaggedOneIsNotShownToTheCustomer()
            throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.trainedStaff(staff, assignments, StaffRole.PRIVACY_OFFICER);
        customerWithADay("L-3", "MG-L-3");
        assertThat(register(api, officer, "LD-E", "EMERGENCY", List.of("L-3"), false)
                        .status())
                .isEqualTo(201);
        assertThat(register(api, officer, "LD-G", "SUBPOENA", List.of("L-3"), true)
                        .status())
                .isEqualTo(201);

        ApiClient.Answer untrained = release(api, TestUser.staff(staff, StaffRole.PRIVACY_OFFICER), "LD-E", "L-3", DAY);
        assertThat(untrained.status()).isEqualTo(403);
        assertThat(untrained.json().get("detail").asString()).contains("training");
        assertThat(release(api, officer, "LD-E", "L-3", DAY).status()).isEqualTo(200);
        ApiClient.Answer gaggedNotice = notice(api, officer, "LD-G", "L-3", TODAY);
        assertThat(gaggedNotice.status()).isEqualTo(409);
        assertThat(gaggedNotice.json().get("detail").asString())
                .isEqualTo("an order forbids notifying the customer of legal demand LD-G");
        assertThat(release(api, officer, "LD-G", "L-3", DAY).status()).isEqualTo(200);

        JsonNode log = api.get("/api/v1/disclosures?account=L-3", officer).json();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("basisId").asString()).isEqualTo("LD-G");
        assertThat(log.get(0).get("releaseGround").asString()).isEqualTo("NOTICE_FORBIDDEN");
        assertThat(log.get(1).get("releaseGround").asString()).isEqualTo("EMERGENCY");

        JsonNode history = accessHistory(api, officer, "L-3");
        List<String> resources = new ArrayList<>();
        history.forEach(entry -> resources.add(entry.get("resource").asString()));
        assertThat(resources).contains("legal-demands/LD-E").doesNotContain("legal-demands/LD-G");
        assertThat(history)
                .filteredOn(entry -> entry.get("action").asString().equals("disclose-covered-data"))
                .hasSize(1);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = 'account:L-3'"
                                + " AND basis = 'legal-demand:LD-G' AND decision = 'PERMIT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the order's ban ends: the customer may be notified, and their history shows what was done
        assertThat(api.post("/api/v1/legal-demands/LD-G/notice-permitted", officer)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/legal-demands/LD-G/notice-permitted", officer)
                        .status())
                .isEqualTo(409);
        assertThat(notice(api, officer, "LD-G", "L-3", TODAY).status()).isEqualTo(201);
        JsonNode after = accessHistory(api, officer, "L-3");
        assertThat(after)
                .filteredOn(entry -> entry.get("action").asString().equals("disclose-covered-data"))
                .hasSize(2);
        assertThat(after)
                .extracting(entry -> entry.get("action").asString())
                .contains("permit-legal-demand-notice", "notify-customer-of-legal-demand");
    }

    @Test
    void aContestHoldsEveryReleaseUntilItIsUpheldAndAQuashedDemandReleasesNothing() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.trainedStaff(staff, assignments, StaffRole.PRIVACY_OFFICER);
        customerWithADay("L-4", "MG-L-4");
        register(api, officer, "LD-C", "COURT_ORDER", List.of("L-4"), false);
        register(api, officer, "LD-Q", "COURT_ORDER", List.of("L-4"), false);

        ApiClient.Answer contested =
                api.postJson("/api/v1/legal-demands/LD-C/contest", "{\"accountId\":\"L-4\"}", officer);
        assertThat(contested.status()).isEqualTo(200);
        assertThat(contested.json().get("demand").get("status").asString()).isEqualTo("CONTESTED");
        assertThat(release(api, officer, "LD-C", "L-4", DAY)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("COURT_ORDER LD-C is CONTESTED: nothing is released under it until the contest is"
                        + " resolved");
        assertThat(api.postJson("/api/v1/legal-demands/LD-C/resolution", "{\"outcome\":\"UPHELD\"}", officer)
                        .status())
                .isEqualTo(200);
        ApiClient.Answer ordered = release(api, officer, "LD-C", "L-4", DAY);
        assertThat(ordered.status()).isEqualTo(200);

        api.postJson("/api/v1/legal-demands/LD-Q/contest", "{\"accountId\":\"L-4\"}", officer);
        ApiClient.Answer quashed =
                api.postJson("/api/v1/legal-demands/LD-Q/resolution", "{\"outcome\":\"QUASHED\"}", officer);
        assertThat(quashed.json().get("demand").get("status").asString()).isEqualTo("QUASHED");
        assertThat(quashed.json().get("closedAt").isNull()).isFalse();
        assertThat(release(api, officer, "LD-Q", "L-4", DAY).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/legal-demands/LD-Q/resolution", "{\"outcome\":\"UPHELD\"}", officer)
                        .status())
                .isEqualTo(409);

        assertThat(api.post("/api/v1/legal-demands/LD-C/close", officer).status())
                .isEqualTo(200);
        assertThat(release(api, officer, "LD-C", "L-4", DAY)
                        .json()
                        .get("detail")
                        .asString())
                .contains("is CLOSED");
        assertThat(api.get("/api/v1/legal-demands?year=" + TODAY.getYear(), officer)
                        .json())
                .extracting(d -> d.get("demandId").asString())
                .contains("LD-C", "LD-Q");
    }

    @Test
    void badDemandsAreRefusedWithTheReasonAndOnlyTheOfficerManagesWhatTheAuditorReads() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.trainedStaff(staff, assignments, StaffRole.PRIVACY_OFFICER);
        TestUser auditor = TestUser.staff(staff, StaffRole.SECURITY_AUDITOR);
        TestUser csr = TestUser.staff(staff, StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        customerWithADay("L-5", "MG-L-5");

        ApiClient.Answer kind = register(api, officer, "LD-X", "LETTER", List.of("L-5"), false);
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("detail").asString()).contains("invalid kind");
        ApiClient.Answer nobody = register(api, officer, "LD-X", "SUBPOENA", List.of("L-404"), false);
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("detail").asString()).contains("names no account on record: L-404");
        assertThat(register(api, officer, "LD-X", "SUBPOENA", List.of("L-5"), false)
                        .status())
                .isEqualTo(201);
        assertThat(register(api, officer, "LD-X", "SUBPOENA", List.of("L-5"), false)
                        .status())
                .isEqualTo(409);

        assertThat(api.get("/api/v1/legal-demands/LD-X", auditor).status()).isEqualTo(200);
        assertThat(register(api, auditor, "LD-Y", "SUBPOENA", List.of("L-5"), false)
                        .status())
                .isEqualTo(403);
        assertThat(release(api, auditor, "LD-X", "L-5", DAY).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/legal-demands/LD-X", csr).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/legal-demands/LD-NONE", officer).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM legal_demand WHERE legal_demand_id = 'LD-Y'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static ApiClient.Answer register(
            ApiClient api, TestUser user, String id, String kind, List<String> accounts, boolean noticeForbidden)
            throws Exception {
        return api.postJson(
                "/api/v1/legal-demands",
                "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"issuer\":\"Superior Court, Dept. 12\","
                        + "\"receivedOn\":\"" + TODAY.minusDays(20) + "\",\"accountIds\":[\""
                        + String.join("\",\"", accounts) + "\"],\"categories\":[\"INTERVAL_USAGE\"],"
                        + "\"usageFrom\":\"2026-06-01\",\"usageThrough\":\"2026-06-30\",\"noticeForbidden\":"
                        + noticeForbidden + "}",
                user);
    }

    private static ApiClient.Answer notice(ApiClient api, TestUser user, String id, String account, LocalDate on)
            throws Exception {
        return api.postJson(
                "/api/v1/legal-demands/" + id + "/notices",
                "{\"accountId\":\"" + account + "\",\"givenOn\":\"" + on + "\",\"method\":\"letter\"}",
                user);
    }

    private static ApiClient.Answer release(ApiClient api, TestUser user, String id, String account, Instant day)
            throws Exception {
        return api.postJson(
                "/api/v1/legal-demands/" + id + "/releases",
                "{\"accountId\":\"" + account + "\",\"usageFrom\":\"" + day + "\",\"usageTo\":\""
                        + day.plusSeconds(86_400) + "\",\"granularity\":\"HOURLY\"}",
                user);
    }

    private static JsonNode accessHistory(ApiClient api, TestUser officer, String account) throws Exception {
        ApiClient.Answer answer = api.get(
                "/api/v1/accounts/" + account + "/access-history?from=2026-01-01T00:00:00Z&to="
                        + Instant.now().plusSeconds(3600),
                officer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
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
