package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * The rate comparison over HTTP with real stored data: a solar customer's own months (not the previous
 * occupant's), billed on every example plan offered to residential accounts, hand-checked for the flat plan,
 * estimated data flagged, and each request's access decision audited under the account's subject.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class RateComparisonIT {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final LocalDate MOVE_IN = LocalDate.of(2026, 1, 1);
    private static final LocalDate ESTIMATED_DAY = LocalDate.of(2026, 2, 10);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-rates").toString();
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
    ServicePoints points;

    @Autowired
    Accounts accounts;

    @Autowired
    ReadingStore store;

    @Test
    void comparesTheExamplePlansOverTheCustomersOwnMonths() throws Exception {
        solarCustomer("ACC-SUN", "SP-SUN", "MG-RATES-1");
        TestUser representative = staffMember(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        serve(representative, "ACC-SUN", "REQ-42");

        ApiClient.Answer answer = new ApiClient(httpPort)
                .get(
                        "/api/v1/accounts/ACC-SUN/rate-comparison?months=4&through=2026-03"
                                + "&purpose=CUSTOMER_SERVICE&basis=REQ-42",
                        representative);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        // December 2025 was the previous occupant's: only January to March are the customer's.
        assertThat(json.get("months")).hasSize(3);
        assertThat(json.get("months").get(0).get("from").asString()).isEqualTo("2026-01-01");
        assertThat(json.get("months").get(1).get("estimated").asBoolean()).isTrue();
        assertThat(json.get("months").get(1).get("estimatedIntervals").asInt()).isEqualTo(96);
        assertThat(json.get("months").get(0).get("estimated").asBoolean()).isFalse();
        List<String> planIds = new ArrayList<>();
        json.get("plans").forEach(plan -> planIds.add(plan.get("planId").asString()));
        assertThat(planIds)
                .containsExactlyInAnyOrder("example-flat", "example-tiered", "example-tou", "example-ev-tou");
        assertThat(json.get("plans").get(0).get("cheapest").asBoolean()).isTrue();
        assertThat(json.get("cheapestPlanId").asString()).isEqualTo(planIds.get(0));
        JsonNode flat = plan(json, "example-flat");
        // January: import 31 days × 12.6 kWh = 390.6 kWh; export 31 × 8 kWh = 248 kWh; net 142.6 kWh.
        //   142.6 kWh × $0.31 = $44.206 → $44.21; non-bypassable 390.6 kWh × $0.025 = $9.765 → $9.77;
        //   base services 31 days × $0.40 = $12.40; total $66.38.
        // March (23-hour March 8; the $0.33 version from March 1): import 390.6 − 0.4 = 390.2 kWh, export 248;
        //   net 142.2 kWh × $0.33 = $46.926 → $46.93; 390.2 × $0.025 = $9.755 → $9.76; $12.40; total $69.09.
        JsonNode january = flat.get("bills").get(0);
        assertThat(january.get("total").asString()).isEqualTo("66.38");
        assertThat(january.get("lines").get(0).get("explanation").asString())
                .isEqualTo("142.600 kWh × $0.31/kWh = $44.21");
        JsonNode march = flat.get("bills").get(2);
        assertThat(march.get("versions").get(0).asString()).isEqualTo("2026-03-01");
        assertThat(march.get("total").asString()).isEqualTo("69.09");
        assertThat(march.get("importKwh").asString()).isEqualTo("390.200");
        assertThat(plan(json, "example-tou").get("breakdown").has("ENERGY")).isTrue();
        assertThat(audit(representative))
                .containsExactly("compare-rates account:ACC-SUN CUSTOMER_SERVICE REQ-42 PERMIT");
    }

    @Test
    void hourlyHistoryOfABusinessIsComparedOnTheCommercialPlans() throws Exception {
        business();
        TestUser analyst = staffMember(StaffRole.BILLING_ANALYST);

        JsonNode json = new ApiClient(httpPort)
                .get("/api/v1/accounts/ACC-SHOP/rate-comparison?months=1&through=2026-06&purpose=BILLING", analyst)
                .json();

        // June 2026, a steady 10 kW (10 kWh each hour, stored hourly as imported history): 7,200 kWh.
        //   commercial flat: 7,200 kWh × $0.27 = $1,944.00 + customer charge $25.00 = $1,969.00
        //   commercial demand: on-peak 22 weekdays × 5 h × 10 kWh = 1,100 kWh × $0.32 = $352.00;
        //     off-peak 6,100 kWh × $0.19 = $1,159.00; maximum demand (hourly: no quarter-hours stored)
        //     10 kW × $16.00 = $160.00; summer on-peak demand 10 kW × $12.50 = $125.00; customer charge $45.00;
        //     total $1,841.00, the cheaper.
        assertThat(json.get("cheapestPlanId").asString()).isEqualTo("example-commercial-demand");
        assertThat(plan(json, "example-commercial-demand").get("total").asString())
                .isEqualTo("1841.00");
        assertThat(plan(json, "example-commercial-flat").get("total").asString())
                .isEqualTo("1969.00");
        assertThat(plan(json, "example-commercial-demand")
                        .get("bills")
                        .get(0)
                        .get("lines")
                        .get(2)
                        .get("description")
                        .asString())
                .contains("as the data has no 15-minute intervals");
        assertThat(json.get("months").get(0).get("missingIntervals").asInt()).isZero();
    }

    @Test
    void withoutTheCustomersRequestAsBasisTheComparisonIsRefusedAndAudited() throws Exception {
        TestUser representative = staffMember(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);

        ApiClient.Answer answer = new ApiClient(httpPort)
                .get("/api/v1/accounts/ACC-ANY/rate-comparison?purpose=CUSTOMER_SERVICE", representative);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(audit(representative)).containsExactly("compare-rates account:ACC-ANY CUSTOMER_SERVICE  DENY");
    }

    @Test
    void anUnknownAccountOrABadMonthCountIsAProblemDetail() throws Exception {
        TestUser representative = staffMember(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        ApiClient api = new ApiClient(httpPort);
        earlyCustomer();

        ApiClient.Answer unknown = api.get(
                "/api/v1/accounts/ACC-NONE/rate-comparison?purpose=CUSTOMER_SERVICE&basis=REQ-7", representative);
        ApiClient.Answer badMonths = api.get(
                "/api/v1/accounts/ACC-NONE/rate-comparison?months=99&purpose=CUSTOMER_SERVICE&basis=REQ-7",
                representative);

        assertThat(unknown.status())
                .as("no service request can name an account that does not exist")
                .isEqualTo(403);
        assertThat(unknown.json().get("detail").asString()).contains("REQ-7");
        assertThat(badMonths.status()).isEqualTo(400);
        serve(representative, "ACC-EARLY", "REQ-8");
        ApiClient.Answer beforeThePlans = api.get(
                "/api/v1/accounts/ACC-EARLY/rate-comparison?months=1&through=2024-06&purpose=CUSTOMER_SERVICE&basis=REQ-8",
                representative);
        assertThat(beforeThePlans.status()).isEqualTo(404);
        assertThat(beforeThePlans.json().get("detail").asString()).contains("no plan offered to RESIDENTIAL");
        assertThat(badMonths.json().get("detail").asString())
                .contains("invalid months")
                .contains("99");
    }

    @Test
    void listsThePlansOnOfferMarkedAsExamples() throws Exception {
        TestUser representative = staffMember(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);

        JsonNode plans = new ApiClient(httpPort)
                .get("/api/v1/rate-plans", representative)
                .json();

        assertThat(plans).hasSize(6);
        plans.forEach(plan -> assertThat(plan.get("example").asBoolean()).isTrue());
    }

    private static JsonNode plan(JsonNode json, String id) {
        for (JsonNode plan : json.get("plans")) {
            if (plan.get("planId").asString().equals(id)) {
                return plan;
            }
        }
        throw new AssertionError("no plan " + id + " in " + json);
    }

    /** A meter read since December 2025 at a service point the customer moved into on January 1 2026. */
    private void solarCustomer(String account, String point, String meter) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        points.create(new ServicePoint(point, "F-1", "NORTH", 120));
        Instant start = LocalDate.of(2025, 12, 1).atStartOfDay(PACIFIC).toInstant();
        points.install(MeterId.of(meter), point, start);
        Instant moveIn = MOVE_IN.atStartOfDay(PACIFIC).toInstant();
        accounts.open(
                account, AccountClass.RESIDENTIAL, new Contact("Sunny Customer", "1 Solar Way", null, null), moveIn);
        accounts.moveIn(account, point, moveIn);
        List<IntervalReading> imports = new ArrayList<>();
        List<IntervalReading> exports = new ArrayList<>();
        Instant end = LocalDate.of(2026, 4, 1).atStartOfDay(PACIFIC).toInstant();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(900)) {
            LocalDateTime local = LocalDateTime.ofInstant(t, PACIFIC);
            ReadingQuality quality =
                    local.toLocalDate().equals(ESTIMATED_DAY) ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID;
            // 1 kWh/hour 16:00–21:00 local, 0.4 kWh/hour otherwise; 2 kW of solar 10:00–14:00.
            imports.add(new IntervalReading(t, local.getHour() >= 16 && local.getHour() < 21 ? 250 : 100, quality));
            exports.add(new IntervalReading(
                    t, local.getHour() >= 10 && local.getHour() < 14 ? 500 : 0, ReadingQuality.VALID));
        }
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, imports);
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_EXPORT, IntervalGrid.QUARTER_HOURLY, exports);
    }

    /** A business metered hourly (its history imported) since May 2026. */
    private void business() {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES ('MG-RATES-3', 7703, 'MG-SIM-R1')")
                .update();
        points.create(new ServicePoint("SP-SHOP", "F-2", "SOUTH", 480));
        Instant start = LocalDate.of(2026, 5, 1).atStartOfDay(PACIFIC).toInstant();
        points.install(MeterId.of("MG-RATES-3"), "SP-SHOP", start);
        accounts.open("ACC-SHOP", AccountClass.COMMERCIAL, new Contact("Corner Shop", "3 Main St", null, null), start);
        accounts.moveIn("ACC-SHOP", "SP-SHOP", start);
        List<IntervalReading> imports = new ArrayList<>();
        Instant end = LocalDate.of(2026, 7, 2).atStartOfDay(PACIFIC).toInstant();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(3_600)) {
            imports.add(new IntervalReading(t, 10_000, ReadingQuality.VALID));
        }
        store.merge(
                MeterId.of("MG-RATES-3"),
                Channel.ACTIVE_ENERGY_IMPORT,
                new IntervalGrid(java.time.Duration.ofHours(1)),
                imports);
    }

    /** A customer metered since 2024, before the example plans' first versions (2025-01-01). */
    private void earlyCustomer() {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES ('MG-RATES-2', 7702, 'MG-SIM-R1')")
                .update();
        points.create(new ServicePoint("SP-EARLY", "F-1", "NORTH", 120));
        Instant start = LocalDate.of(2024, 6, 1).atStartOfDay(PACIFIC).toInstant();
        points.install(MeterId.of("MG-RATES-2"), "SP-EARLY", start);
        accounts.open(
                "ACC-EARLY", AccountClass.RESIDENTIAL, new Contact("Early Customer", "2 Old Road", null, null), start);
        accounts.moveIn("ACC-EARLY", "SP-EARLY", start);
        List<IntervalReading> imports = new ArrayList<>();
        for (Instant t = start; t.isBefore(start.plusSeconds(86_400 * 30L)); t = t.plusSeconds(900)) {
            imports.add(new IntervalReading(t, 100, ReadingQuality.VALID));
        }
        store.merge(MeterId.of("MG-RATES-2"), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, imports);
    }

    private List<String> audit(TestUser actor) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT action || ' ' || subject || ' ' || purpose || ' ' || basis || ' ' || decision"
                        + " FROM audit_entry WHERE actor = ? AND subject NOT LIKE 'user:%' ORDER BY seq")
                .param(actor.username())
                .query(String.class)
                .list();
    }

    private TestUser staffMember(StaffRole role) {
        return TestUser.trainedStaff(staff, assignments, role);
    }

    /** Puts {@code account} in the representative's queue and records the customer's service request. */
    private void serve(TestUser representative, String account, String request) {
        jdbc.sql("INSERT INTO staff_queue (username, account_id) VALUES (?, ?)")
                .params(representative.username(), account)
                .update();
        jdbc.sql("INSERT INTO service_request (service_request_id, account_id, opened_by) VALUES (?, ?, 'test')")
                .params(request, account)
                .update();
    }
}
