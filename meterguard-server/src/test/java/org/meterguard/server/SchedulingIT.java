package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.meters.RegisteredMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's scheduled jobs do not wait for each other: a long one (a fleet's validation, the nightly retention)
 * must not hold back the head-end's few-second jobs, such as writing when meters were last heard.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class SchedulingIT {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-scheduling").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLastHeardFlushRunsWhileALongJobHoldsAScheduledThread() throws Exception {
        MeterId id = MeterId.of("MG-SCHED-1");
        meters.register(
                id, new SystemTitle(0x4D47_5343_0000_0001L), "MG-SIM-R1", CipheringKeys.of(new byte[16], new byte[16]));
        RegisteredMeter meter = meters.findBySystemTitle(new SystemTitle(0x4D47_5343_0000_0001L))
                .orElseThrow();
        CountDownLatch longJobRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.schedule(
                () -> {
                    longJobRunning.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Instant.now());
        try {
            assertThat(longJobRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Instant heardAt = Instant.now();
            meters.heard(meter, "collector-sched", heardAt);

            // The flush runs every 5 s; three rounds of it are given.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            String collector = null;
            while (collector == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                collector = jdbc.sql("SELECT last_collector FROM meter WHERE meter_id = ?")
                        .param(id.value())
                        .query(String.class)
                        .optional()
                        .orElse(null);
            }
            assertThat(collector)
                    .as("the meter's last collector, written by the flush while the long job runs")
                    .isEqualTo("collector-sched");
        } finally {
            release.countDown();
        }
    }
}
