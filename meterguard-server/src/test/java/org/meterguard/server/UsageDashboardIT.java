package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.usage.Resolution;
import org.meterguard.server.access.AccessDenied;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.portal.AccountUsage;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The usage dashboard's data from the real store: local days and months in the meter's zone, import and export
 * apart, estimates counted, the period before for comparison, and never anything outside the account's own
 * occupancy (the previous occupant's data stays theirs); every read audited as the customer's own, another
 * account's refused.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class UsageDashboardIT {
    private static final MeterId METER = MeterId.of("MG-DASH-1");
    private static final Instant INSTALLED = Instant.parse("2025-11-01T07:00:00Z");
    // Local midnight of 2026-01-10 in Los Angeles (PST).
    private static final Instant MOVE = Instant.parse("2026-01-10T08:00:00Z");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-dashboard").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    UsageDashboard dashboard;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @BeforeEach
    void occupantsAndTheirMeter() {
        if (accounts.occupancies("ACC-NEW").size() == 1) {
            return;
        }
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, 4242, 'MG-SIM-R1')")
                .param(METER.value())
                .update();
        points.create(new ServicePoint("SP-DASH", "F-1", "NORTH", 240));
        points.install(METER, "SP-DASH", INSTALLED);
        Contact contact = new Contact("Occupant", "1 Main St", null, null);
        accounts.open("ACC-OLD", AccountClass.RESIDENTIAL, contact, INSTALLED);
        accounts.open("ACC-NEW", AccountClass.RESIDENTIAL, contact, MOVE);
        accounts.moveIn("ACC-OLD", "SP-DASH", INSTALLED);
        accounts.moveOut("ACC-OLD", "SP-DASH", MOVE);
        accounts.moveIn("ACC-NEW", "SP-DASH", MOVE);
        // 10 Wh per quarter-hour imported from 2025-12-20 to 2026-02-10 (UTC days), the four quarter-hours of
        // 2026-01-15 12:00-13:00 local estimated; 3 Wh exported at noon hours on 2026-01-20.
        List<IntervalReading> imported = new ArrayList<>();
        for (Instant t = Instant.parse("2025-12-20T00:00:00Z");
                t.isBefore(Instant.parse("2026-02-10T00:00:00Z"));
                t = t.plusSeconds(900)) {
            boolean estimated = !t.isBefore(Instant.parse("2026-01-15T20:00:00Z"))
                    && t.isBefore(Instant.parse("2026-01-15T21:00:00Z"));
            imported.add(
                    new IntervalReading(t, 10, estimated ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID));
        }
        store.merge(METER, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, imported);
        List<IntervalReading> exported = new ArrayList<>();
        for (Instant t = Instant.parse("2026-01-20T20:00:00Z");
                t.isBefore(Instant.parse("2026-01-20T22:00:00Z"));
                t = t.plusSeconds(900)) {
            exported.add(new IntervalReading(t, 3, ReadingQuality.VALID));
        }
        store.merge(METER, Channel.ACTIVE_ENERGY_EXPORT, IntervalGrid.QUARTER_HOURLY, exported);
    }

    @Test
    void newOccupantSeesOnlyTheirOwnDaysWithEstimatesMarkedAndExportApart() {
        AccountUsage usage = dashboard.usage(
                customer("ACC-NEW"), "ACC-NEW", day("2026-01-01"), day("2026-02-01"), Resolution.DAY, "10.0.0.1");

        long[] days = usage.imported().values();
        assertThat(days).hasSize(31);
        for (int d = 0; d < 9; d++) {
            assertThat(days[d]).as("Jan %d, before the move-in", d + 1).isZero();
        }
        for (int d = 9; d < 31; d++) {
            assertThat(days[d]).as("Jan %d", d + 1).isEqualTo(960);
        }
        assertThat(usage.imported().estimated()[14]).isEqualTo(4);
        assertThat(usage.imported().estimatedIntervals()).isEqualTo(4);
        assertThat(usage.exported().values()[19]).isEqualTo(24);
        assertThat(usage.exported().total()).isEqualTo(24);
        // December was the previous occupant's: the comparison period shows nothing of it.
        assertThat(usage.previousImported().period().first()).isEqualTo(day("2025-12-01"));
        assertThat(usage.previousImported().total()).isZero();
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT decision || ' ' || subject || ' ' || purpose FROM audit_entry"
                                + " WHERE action = 'read-usage' AND actor = 'customer-ACC-NEW'")
                        .query(String.class)
                        .list())
                .contains("PERMIT account:ACC-NEW CUSTOMER_OWN_ACCESS");
    }

    @Test
    void previousOccupantKeepsTheirOwnPeriodAndComparesMonths() {
        AccountUsage usage = dashboard.usage(
                customer("ACC-OLD"), "ACC-OLD", day("2026-01-01"), day("2026-02-01"), Resolution.MONTH, "10.0.0.2");

        assertThat(usage.imported().values()).containsExactly(9 * 960L);
        // December: from 2025-12-20 00:00 UTC (2025-12-19 16:00 local) to 2026-01-01 08:00 UTC, local midnight
        assertThat(usage.previousImported().values()).containsExactly((12 * 96 + 8 * 4) * 10L);
    }

    @Test
    void anotherAccountIsRefusedAndTheRefusalAudited() {
        assertThatThrownBy(() -> dashboard.usage(
                        customer("ACC-NEW"),
                        "ACC-OLD",
                        day("2026-01-01"),
                        day("2026-02-01"),
                        Resolution.DAY,
                        "10.0.0.3"))
                .isInstanceOf(AccessDenied.class)
                .hasMessageContaining("ACC-OLD");
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT decision FROM audit_entry WHERE action = 'read-usage'"
                                + " AND subject = 'account:ACC-OLD' AND actor = 'customer-ACC-NEW'")
                        .query(String.class)
                        .list())
                .containsExactly("DENY");
    }

    @Test
    void hourlyAndQuarterHourlyBucketsFollowTheMetersZone() {
        AccountUsage hours = dashboard.usage(
                customer("ACC-NEW"), "ACC-NEW", day("2026-01-15"), day("2026-01-16"), Resolution.HOUR, "");
        assertThat(hours.imported().values()).hasSize(24).containsOnly(40L);
        assertThat(hours.imported().estimated()[12]).isEqualTo(4); // 12:00 local
        AccountUsage quarters = dashboard.usage(
                customer("ACC-NEW"), "ACC-NEW", day("2026-01-15"), day("2026-01-16"), Resolution.QUARTER_HOUR, "");
        assertThat(quarters.imported().values()).hasSize(96).containsOnly(10L);
        assertThat(quarters.imported().startSeconds()[0])
                .isEqualTo(Instant.parse("2026-01-15T08:00:00Z").getEpochSecond());
    }

    /** A signed-in customer whose principal names their own account. */
    private static Authentication customer(String accountId) {
        return SignedInCustomers.of(accountId);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
