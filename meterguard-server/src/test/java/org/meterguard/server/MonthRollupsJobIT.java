package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The month rollups' job on its own schedule and thread: a month that ended weeks ago is rolled up without anyone
 * calling the job, on a thread of its own (not the application's shared scheduler thread).
 */
@SpringBootTest(
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.rollups.initial-delay=PT0.2S",
            "meterguard.rollups.schedule=PT1S"
        })
class MonthRollupsJobIT {
    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-rollups-job").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    ReadingStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedMonthIsRolledUpOnTheJobsOwnThread() throws InterruptedException {
        MeterId meter = MeterId.of("MG-ROLLUP-JOB");
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, 9100, 'MG-SIM-R1')")
                .param(meter.value())
                .update();
        LocalDate month = YearMonth.now(ZoneOffset.UTC).minusMonths(2).atDay(1);
        Instant at = month.plusDays(4).atStartOfDay().toInstant(ZoneOffset.UTC);
        store.merge(
                meter,
                Channel.ACTIVE_ENERGY_IMPORT,
                IntervalGrid.QUARTER_HOURLY,
                List.of(new IntervalReading(at, 500, ReadingQuality.VALID)));

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"rolled up".equals(state(meter, month))) {
            assertThat(System.nanoTime()).as("the job rolled up %s", month).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .contains("month-rollups");
    }

    private String state(MeterId meter, LocalDate month) {
        return jdbc.sql("SELECT CASE WHEN stale THEN 'stale' ELSE 'rolled up' END FROM interval_months"
                        + " WHERE meter_id = ? AND month = ?")
                .params(meter.value(), month)
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
