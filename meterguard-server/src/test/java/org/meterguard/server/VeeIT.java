package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.core.vee.LocalDay;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.vee.VeeJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Validation, estimation and editing applied by the store, on the meter's local days in America/Los_Angeles:
 * history becomes valid, a daylight-saving day's short gap is interpolated and its long gap estimated from like
 * days, a negative value is questioned, each estimate keeps a revision and an audit entry; a billing analyst's
 * edit keeps the original and survives validation; the report lists the meter.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.vee.enabled=false",
            "meterguard.vee.lookback=P30D"
        })
class VeeIT {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 8);
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 11, 1);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-vee").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    ReadingStore store;

    @Autowired
    VeeJob job;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void aDaylightSavingDayIsValidatedEstimatedEditedAndReported() throws Exception {
        MeterId meter = meter("MG-VEE-1");
        for (LocalDate d = SPRING_FORWARD.minusDays(14); d.isBefore(SPRING_FORWARD); d = d.plusDays(1)) {
            store(meter, new LocalDay(LA, d, QUARTER), List.of());
        }
        LocalDay dst = new LocalDay(LA, SPRING_FORWARD, QUARTER);
        assertThat(dst.size()).isEqualTo(92);
        List<Integer> shortGap = List.of(slotAt(dst, 10, 0), slotAt(dst, 10, 15));
        List<Integer> longGap = new ArrayList<>();
        for (int i = slotAt(dst, 14, 0); i < slotAt(dst, 17, 0); i++) {
            longGap.add(i);
        }
        List<Integer> missing = new ArrayList<>(shortGap);
        missing.addAll(longGap);
        int negative = slotAt(dst, 20, 0);
        List<Integer> absent = new ArrayList<>(missing);
        absent.add(negative);
        store(meter, dst, absent);
        store.merge(
                meter,
                Channel.ACTIVE_ENERGY_IMPORT,
                IntervalGrid.QUARTER_HOURLY,
                List.of(new IntervalReading(dst.start(negative), -40, ReadingQuality.RAW)));

        job.runOnce(dst.end().plus(Duration.ofHours(2)));

        Map<Instant, IntervalReading> day = readings(meter, dst);
        assertThat(day)
                .as(
                        "findings %s",
                        jdbc.sql("SELECT rule || ' ' || detail FROM vee_finding WHERE meter_id = ?"
                                        + " AND local_date = '2026-03-08'")
                                .param(meter.value())
                                .query(String.class)
                                .list())
                .hasSize(92);
        shortGap.forEach(i -> assertThat(day.get(dst.start(i)).quality()).isEqualTo(ReadingQuality.ESTIMATED_LINEAR));
        longGap.forEach(
                i -> assertThat(day.get(dst.start(i)).quality()).isEqualTo(ReadingQuality.ESTIMATED_REFERENCE_DAY));
        assertThat(day.get(dst.start(negative)).quality()).isEqualTo(ReadingQuality.QUESTIONABLE);
        assertThat(day.get(dst.start(0)).quality()).isEqualTo(ReadingQuality.VALID);
        assertThat(count(
                        "SELECT count(*) FROM interval_revision WHERE meter_id = ? AND actor = 'VEE'"
                                + " AND old_value IS NULL",
                        meter))
                .isEqualTo(missing.size());
        assertThat(count(
                        "SELECT count(*) FROM vee_finding WHERE meter_id = ? AND local_date = '2026-03-08'"
                                + " AND rule = 'gap'",
                        meter))
                .isPositive();
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE subject = ? AND action = 'vee-estimate'",
                        "meter:" + meter))
                .isEqualTo(1);

        ApiClient api = new ApiClient(httpPort);
        TestUser analyst = account(StaffRole.BILLING_ANALYST);
        JsonNode before = api.get("/api/v1/vee/report?from=2026-03-08&to=2026-03-08", analyst)
                .json()
                .get(0);
        ApiClient.Answer edited = api.postJson(
                "/api/v1/meters/" + meter + "/edits",
                "{\"channel\":\"ACTIVE_ENERGY_IMPORT\",\"intervalStart\":\"" + dst.start(negative)
                        + "\",\"value\":40,\"reason\":\"sign error confirmed on site, work order WO-17\"}",
                analyst);
        assertThat(edited.status()).isEqualTo(200);
        job.runOnce(dst.end().plus(Duration.ofHours(3)));
        api.post("/api/v1/meters/" + meter + "/validate?channel=ACTIVE_ENERGY_IMPORT&date=2026-03-08", analyst);

        assertThat(readings(meter, dst).get(dst.start(negative)))
                .isEqualTo(new IntervalReading(dst.start(negative), 40, ReadingQuality.EDITED));
        assertThat(jdbc.sql("SELECT old_value || ' ' || actor || ' ' || reason FROM interval_revision"
                                + " WHERE meter_id = ? AND new_quality = 7")
                        .param(meter.value())
                        .query(String.class)
                        .list())
                .containsExactly("-40 " + analyst + " sign error confirmed on site, work order WO-17");
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'edit-interval'",
                        analyst.username()))
                .isEqualTo(1);

        JsonNode after = api.get("/api/v1/vee/report?from=2026-03-08&to=2026-03-08", analyst)
                .json()
                .get(0);
        assertThat(after.get("meter_id").asString()).isEqualTo(meter.value());
        assertThat(after.get("estimated_intervals").asLong()).isEqualTo(missing.size());
        assertThat(after.get("edited_intervals").asLong()).isEqualTo(1);
        assertThat(before.get("gap_intervals").asLong()).isEqualTo(missing.size());
        assertThat(before.get("failed_checks").asString()).contains("negative");
    }

    @Test
    void aCompleteFallBackDayHasAHundredQuarterHoursAndNoGap() {
        MeterId meter = meter("MG-VEE-2");
        LocalDay day = new LocalDay(LA, FALL_BACK, QUARTER);
        assertThat(day.size()).isEqualTo(100);
        store(meter, day, List.of());

        job.runOnce(day.end().plus(Duration.ofHours(1)));

        assertThat(readings(meter, day).values()).hasSize(100).allMatch(r -> r.quality() == ReadingQuality.VALID);
        assertThat(jdbc.sql("SELECT rule || ' ' || detail FROM vee_finding WHERE meter_id = ?"
                                + " AND local_date = '2026-11-01'")
                        .param(meter.value())
                        .query(String.class)
                        .list())
                .isEmpty();
    }

    private static int slotAt(LocalDay day, int hour, int minute) {
        for (int i = 0; i < day.size(); i++) {
            var local = day.start(i).atZone(LA);
            if (local.getHour() == hour && local.getMinute() == minute) {
                return i;
            }
        }
        throw new IllegalArgumentException(hour + ":" + minute + " is not on " + day.date());
    }

    private void store(MeterId meter, LocalDay day, List<Integer> missing) {
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < day.size(); i++) {
            if (!missing.contains(i)) {
                int hour = day.start(i).atZone(LA).getHour();
                readings.add(new IntervalReading(day.start(i), 100 + 10L * hour, ReadingQuality.RAW));
            }
        }
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private Map<Instant, IntervalReading> readings(MeterId meter, LocalDay day) {
        Map<Instant, IntervalReading> byStart = new java.util.TreeMap<>();
        store.read(meter, Channel.ACTIVE_ENERGY_IMPORT, new TimeRange(day.first(), day.end()))
                .forEach(r -> byStart.put(r.start(), r));
        return byStart;
    }

    private MeterId meter(String id) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, ?, 'MG-SIM-R1', ?)")
                .params(id, (long) id.hashCode() & 0xFFFF_FFFFL, LA.getId())
                .update();
        return MeterId.of(id);
    }

    private long count(String sql, Object param) {
        auditLog.awaitProjected(); // audit_entry is the journal's projection, a few milliseconds behind
        return jdbc.sql(sql)
                .param(param instanceof MeterId m ? m.value() : param)
                .query(Long.class)
                .single();
    }

    private TestUser account(StaffRole role) {
        return TestUser.staff(staff, role);
    }
}
