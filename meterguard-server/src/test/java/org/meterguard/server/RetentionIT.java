package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.readings.MonthRollups;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.retention.Retention;
import org.meterguard.server.retention.RetentionStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Retention on embedded PostgreSQL: a dry run reports and changes nothing; a run drops expired month partitions,
 * deletes expired voltage from months kept for energy, removes old event partitions and frame records,
 * crypto-shreds closed accounts, keeps everything recent, and audits every removal.
 */
@SpringBootTest(
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.rollups.enabled=false",
            "meterguard.retention.enabled=false",
            "meterguard.retention.interval-data=P1Y",
            "meterguard.retention.voltage=P3M",
            "meterguard.retention.events=P6M",
            "meterguard.retention.personal-information=P1Y",
            "meterguard.retention.received-frames=P30D"
        })
class RetentionIT {
    private static final Instant NOW = Instant.parse("2026-11-20T03:30:00Z");
    private static final MeterId METER = MeterId.of("MG-RETAIN-1");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-retention").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    Retention retention;

    @Autowired
    ReadingStore store;

    @Autowired
    Accounts accounts;

    @Autowired
    MonthPartitions partitions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthRollups rollups;

    @Autowired
    AuditLog auditLog;

    @Test
    void dryRunReportsAndRunRemovesExactlyWhatExpiredAndAuditsIt() {
        day(Channel.ACTIVE_ENERGY_IMPORT, "2025-09-10"); // energy expired: month dropped with its voltage
        day(Channel.VOLTAGE_L1, "2025-09-10");
        day(Channel.ACTIVE_ENERGY_IMPORT, "2026-06-10"); // energy kept
        day(Channel.VOLTAGE_L1, "2026-06-10"); // voltage expired (before 2026-08-20): deleted
        day(Channel.VOLTAGE_L1, "2026-10-10"); // voltage kept
        event("2026-03-05T10:00:00Z"); // events: March 2026 expired whole (kept from 2026-05-20)
        event("2026-05-05T10:00:00Z"); // May 2026 only partly expired: kept for now
        frame(NOW.minusSeconds(86_400L * 40));
        frame(NOW.minusSeconds(86_400L * 2));
        accounts.open("ACC-GONE", AccountClass.RESIDENTIAL, contact(), NOW.minusSeconds(86_400L * 900));
        accounts.close("ACC-GONE", NOW.minusSeconds(86_400L * 400));
        accounts.open("ACC-RECENT", AccountClass.RESIDENTIAL, contact(), NOW.minusSeconds(86_400L * 900));
        accounts.close("ACC-RECENT", NOW.minusSeconds(86_400L * 100));
        rollups.rollUp(NOW);
        assertThat(monthRows())
                .containsExactly("1 2025-09-01", "3 2025-09-01", "1 2026-06-01", "3 2026-06-01", "3 2026-10-01");
        long auditBefore = auditEntries();

        List<RetentionStep> planned = retention.dryRun(NOW);

        assertThat(planned).extracting(RetentionStep::executed).containsOnly(false);
        assertThat(affected(planned, "drop partition interval_day_2025_09")).isEqualTo(2);
        assertThat(affected(planned, "delete VOLTAGE rows of interval_day for 2026-06"))
                .isEqualTo(1);
        assertThat(affected(planned, "drop partition meter_event_2026_03")).isEqualTo(1);
        assertThat(affected(planned, "crypto-shred")).isEqualTo(1);
        assertThat(affected(planned, "delete received-frame")).isEqualTo(1);
        assertThat(planned).noneMatch(s -> s.action().contains("meter_event_2026_05"));
        assertThat(rows("interval_day")).isEqualTo(5);
        assertThat(auditEntries()).isEqualTo(auditBefore);

        retention.run(NOW, "privacy-officer-1", "PRIVACY_OFFICER");

        assertThat(jdbc.sql("SELECT to_regclass('interval_day_2025_09') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT channel || ' ' || day FROM interval_day ORDER BY day, channel")
                        .query(String.class)
                        .list())
                .containsExactly("1 2026-06-10", "3 2026-10-10");
        // And their months' rolled-up hours (V22): the dropped month's are gone, and the deleted channel's of its
        // month stale, until the job finds that no hour of it is left.
        assertThat(jdbc.sql("SELECT channel || ' ' || month FROM interval_months WHERE stale")
                        .query(String.class)
                        .list())
                .containsExactly("3 2026-06-01");
        rollups.rollUp(NOW);
        assertThat(monthRows()).containsExactly("1 2026-06-01", "3 2026-10-01");
        assertThat(rows("meter_event")).isEqualTo(1);
        assertThat(rows("received_frame")).isEqualTo(1);
        assertThat(accounts.contact("ACC-GONE")).isEmpty();
        assertThat(accounts.contact("ACC-RECENT")).isPresent();
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action || ' ' || subject FROM audit_entry WHERE actor = 'privacy-officer-1'"
                                + " ORDER BY seq")
                        .query(String.class)
                        .list())
                .contains(
                        "retention-DropPartition ",
                        "retention-DeleteRows ",
                        "retention-shred account:ACC-GONE",
                        "retention-ShredAccounts ",
                        "retention-DeleteReceivedFrames ");

        day(Channel.ACTIVE_ENERGY_IMPORT, "2025-09-11");
        assertThat(rows("interval_day"))
                .as("a dropped month is created again on demand")
                .isEqualTo(3);
    }

    /** The rows of interval_months, as "channel month", each rolled up (none stale). */
    private List<String> monthRows() {
        assertThat(jdbc.sql("SELECT count(*) FROM interval_months WHERE stale")
                        .query(Long.class)
                        .single())
                .isZero();
        return jdbc.sql("SELECT channel || ' ' || month FROM interval_months ORDER BY month, channel")
                .query(String.class)
                .list();
    }

    private static long affected(List<RetentionStep> steps, String actionPrefix) {
        return steps.stream()
                .filter(s -> s.action().startsWith(actionPrefix))
                .mapToLong(RetentionStep::affected)
                .sum();
    }

    private void day(Channel channel, String day) {
        Instant start = LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<IntervalReading> readings = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            readings.add(new IntervalReading(start.plusSeconds(900L * slot), 1200 + slot, ReadingQuality.RAW));
        }
        store.merge(METER, channel, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private void event(String at) {
        Instant when = Instant.parse(at);
        partitions.ensure(MonthPartitions.Table.METER_EVENT, List.of(LocalDate.ofInstant(when, ZoneOffset.UTC)));
        jdbc.sql("INSERT INTO meter_event (meter_id, occurred_at, event_log, code) VALUES (?, ?, 'x', 40)")
                .params(METER.value(), Timestamp.from(when))
                .update();
    }

    private void frame(Instant at) {
        jdbc.sql("INSERT INTO received_frame (system_title, key_version, invocation_counter, gcm_tag, received_at)"
                        + " VALUES (1, 1, ?, '\\x00', ?)")
                .params(at.getEpochSecond(), Timestamp.from(at))
                .update();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditEntries() {
        auditLog.awaitProjected();
        return rows("audit_entry");
    }

    private static Contact contact() {
        return new Contact("Pat Example", "2 Elm St", null, null);
    }
}
