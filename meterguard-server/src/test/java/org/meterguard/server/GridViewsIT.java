package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
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
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Troubleshooting views over HTTP: a meter's outages from its power events, a feeder's reliability indices, voltage
 * excursions against ANSI C84.1 and diagnostic flags, each read audited and refused without a fitting purpose.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class GridViewsIT {
    private static final Instant DAY = Instant.parse("2026-06-02T00:00:00Z");
    private static final String PERIOD = "from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-grid").toString();
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
    ReadingStore store;

    @Autowired
    MonthPartitions partitions;

    @Test
    void outagesReliabilityVoltageAndDiagnosticsForAFeeder() throws Exception {
        for (int i = 1; i <= 4; i++) {
            meterOnFeeder("MG-GRID-" + i, "SP-GRID-" + i, "F-7");
        }
        partitions.ensure(MonthPartitions.Table.METER_EVENT, List.of(java.time.LocalDate.of(2026, 6, 2)));
        event("MG-GRID-1", DAY.plusSeconds(3600), 1);
        event("MG-GRID-1", DAY.plusSeconds(3600 + 45 * 60), 2); // 45 minutes
        event("MG-GRID-2", DAY.plusSeconds(3600), 1);
        event("MG-GRID-2", DAY.plusSeconds(3600 + 15 * 60), 2); // 15 minutes
        event("MG-GRID-3", DAY.plusSeconds(7200), 1);
        event("MG-GRID-3", DAY.plusSeconds(7200 + 120), 2); // 2 minutes: momentary
        event("MG-GRID-4", DAY.plusSeconds(10_000), 40); // terminal cover removed
        voltage("MG-GRID-4", new long[] {1200, 1205, 1275, 1262, 1200});
        ApiClient api = new ApiClient(httpPort);
        TestUser operator = account(StaffRole.GRID_OPERATOR);

        JsonNode outages = api.get("/api/v1/meters/MG-GRID-1/outages?" + PERIOD + "&purpose=GRID_OPERATIONS", operator)
                .json();
        JsonNode feeder = api.get(
                        "/api/v1/reliability?area=feeder:F-7&" + PERIOD + "&purpose=GRID_OPERATIONS", operator)
                .json();
        JsonNode volts = api.get("/api/v1/meters/MG-GRID-4/voltage?" + PERIOD + "&purpose=GRID_OPERATIONS", operator)
                .json();
        JsonNode flags = api.get(
                        "/api/v1/meters/MG-GRID-4/diagnostics?" + PERIOD + "&purpose=GRID_OPERATIONS", operator)
                .json();

        assertThat(outages).hasSize(1);
        assertThat(outages.get(0).get("durationSeconds").asLong()).isEqualTo(45 * 60);
        JsonNode indices = feeder.get("indices");
        assertThat(indices.get("customersServed").asLong()).isEqualTo(4);
        assertThat(indices.get("sustainedInterruptions").asLong()).isEqualTo(2);
        assertThat(indices.get("momentaryInterruptions").asLong()).isEqualTo(1);
        assertThat(indices.get("saidi").asDouble()).isEqualTo(15.0);
        assertThat(indices.get("saifi").asDouble()).isEqualTo(0.5);
        assertThat(feeder.get("outages")).hasSize(3);
        JsonNode excursion = volts.get("excursions").get("VOLTAGE_L1").get(0);
        assertThat(excursion.get("worst").asString()).isEqualTo("OUTSIDE_B");
        assertThat(excursion.get("intervals").asInt()).isEqualTo(2);
        assertThat(volts.get("intervalsByBand").get("VOLTAGE_L1").get("RANGE_A").asLong())
                .isEqualTo(3);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("code").asInt()).isEqualTo(40);
    }

    @Test
    void aReadWithoutAFittingPurposeIsRefusedAndAudited() throws Exception {
        meterOnFeeder("MG-GRID-9", "SP-GRID-9", "F-9");
        TestUser billing = account(StaffRole.BILLING_ANALYST);

        ApiClient.Answer answer = new ApiClient(httpPort)
                .get("/api/v1/meters/MG-GRID-9/outages?" + PERIOD + "&purpose=GRID_OPERATIONS", billing);

        assertThat(answer.status()).isEqualTo(403);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT decision FROM audit_entry WHERE actor = ? AND action = 'read-outages'")
                        .param(billing.username())
                        .query(String.class)
                        .list())
                .containsExactly("DENY");
    }

    private void meterOnFeeder(String meter, String point, String feeder) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        points.create(new ServicePoint(point, feeder, "NORTH", 120));
        points.install(MeterId.of(meter), point, DAY.minusSeconds(86_400 * 100));
    }

    private void event(String meter, Instant at, int code) {
        jdbc.sql("INSERT INTO meter_event (meter_id, occurred_at, event_log, code) VALUES (?, ?, '0.0.99.98.0.255', ?)")
                .params(meter, Timestamp.from(at), code)
                .update();
    }

    private void voltage(String meter, long[] decivolts) {
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < decivolts.length; i++) {
            readings.add(new IntervalReading(DAY.plusSeconds(900L * i), decivolts[i], ReadingQuality.RAW));
        }
        store.merge(MeterId.of(meter), Channel.VOLTAGE_L1, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private TestUser account(StaffRole role) {
        return TestUser.trainedStaff(staff, assignments, role);
    }
}
