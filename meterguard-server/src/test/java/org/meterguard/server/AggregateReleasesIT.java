package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
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
 * Aggregate releases over HTTP from a real store: a 99-customer residential feeder merged with its neighbour, a
 * 100-customer one released, a non-residential cell with one customer above 15% suppressed with its total withheld,
 * the release recorded and audited, and the same request giving the same digest.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class AggregateReleasesIT {
    private static final Instant DAY = Instant.parse("2026-06-02T00:00:00Z");
    private static final String REQUEST =
            "{\"firstDay\":\"2026-06-02\",\"lastDay\":\"2026-06-02\",\"area\":\"FEEDER\",\"period\":\"DAY\"}";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-aggregates").toString();
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

    @Test
    void releasesCellsThatPassMergesOrSuppressesTheRestAndReproducesTheRelease() throws Exception {
        customers("F-1", AccountClass.RESIDENTIAL, 100, 10);
        customers("F-2", AccountClass.RESIDENTIAL, 99, 10);
        customers("F-3", AccountClass.RESIDENTIAL, 150, 10);
        customers("F-1", AccountClass.COMMERCIAL, 14, 100);
        customers("F-1", AccountClass.COMMERCIAL, 1, 250); // 24,000 of 158,400 Wh: 15.15%
        customer("F-9", AccountClass.RESIDENTIAL, 10, "MG-AGG-UNOCCUPIED", false);
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);

        ApiClient.Answer answer = api.postJson("/api/v1/aggregates/releases", REQUEST, officer);

        assertThat(answer.status()).isEqualTo(201);
        JsonNode outcome = answer.json();
        JsonNode released = outcome.get("release").get("released");
        assertThat(released).hasSize(2);
        assertThat(released.get(0).get("key").get("areas").toString()).isEqualTo("[\"feeder:F-1\"]");
        assertThat(released.get(0).get("customers").asLong()).isEqualTo(100);
        assertThat(released.get(0).get("total").asLong()).isEqualTo(100 * 960);
        assertThat(released.get(1).get("key").get("areas").toString()).isEqualTo("[\"feeder:F-2\",\"feeder:F-3\"]");
        assertThat(released.get(1).get("customers").asLong()).isEqualTo(249);
        JsonNode suppressed = outcome.get("release").get("suppressed");
        assertThat(suppressed).singleElement().satisfies(cell -> {
            assertThat(cell.get("key").get("customerClass").asString()).isEqualTo("COMMERCIAL");
            assertThat(cell.get("reason").asString()).isEqualTo("one customer has more than 15% of the cell's usage");
        });
        JsonNode totals = outcome.get("release").get("totals");
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0).get("customerClass").asString()).isEqualTo("COMMERCIAL");
        assertThat(totals.get(0).get("withheldBecause").asString()).contains("by subtraction");
        assertThat(totals.get(1).get("customers").asLong()).isEqualTo(349);
        assertThat(outcome.get("rowsRead").asLong()).isEqualTo(365);
        assertThat(outcome.get("rowsUnattributed").asLong()).isEqualTo(1);

        JsonNode again =
                api.postJson("/api/v1/aggregates/releases", REQUEST, officer).json();
        assertThat(again.get("sha256").asString())
                .isEqualTo(outcome.get("sha256").asString());
        assertThat(again.get("releaseId").asLong())
                .isNotEqualTo(outcome.get("releaseId").asLong());
        JsonNode recorded = api.get(
                        "/api/v1/aggregates/releases/"
                                + outcome.get("releaseId").asLong(),
                        officer)
                .json();
        assertThat(recorded.get("result").asString()).contains("R|2026-06-02|RESIDENTIAL|feeder:F-2+feeder:F-3|249|");
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'aggregate-release' AND actor = ?")
                        .param(officer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(api.postJson("/api/v1/aggregates/releases", REQUEST, account(StaffRole.GRID_OPERATOR))
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/aggregates/releases", REQUEST.replace("FEEDER", "ZIP"), officer)
                        .status())
                .isEqualTo(400);
    }

    private int next;

    private void customers(String feeder, AccountClass accountClass, int count, long whPerInterval) {
        for (int i = 0; i < count; i++) {
            next++;
            customer(feeder, accountClass, whPerInterval, String.format("MG-AGG-%05d", next), true);
        }
    }

    private void customer(
            String feeder, AccountClass accountClass, long whPerInterval, String meter, boolean occupied) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        String point = "SP-" + meter;
        Instant installed = Instant.parse("2025-01-01T00:00:00Z");
        points.create(new ServicePoint(point, feeder, "NORTH", 120));
        points.install(MeterId.of(meter), point, installed);
        if (occupied) {
            accounts.open("ACC-" + meter, accountClass, new Contact("Customer", "Somewhere", null, null), installed);
            accounts.moveIn("ACC-" + meter, point, installed);
        }
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            readings.add(new IntervalReading(DAY.plusSeconds(900L * i), whPerInterval, ReadingQuality.RAW));
        }
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private TestUser account(StaffRole role) {
        return TestUser.staff(staff, role);
    }
}
