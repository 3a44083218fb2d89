package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.server.headend.LabPki;
import org.meterguard.simulator.CounterStore;
import org.meterguard.simulator.FleetFile;
import org.meterguard.simulator.FleetRunner;
import org.meterguard.simulator.LoadShape;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedMeter;
import tools.jackson.databind.JsonNode;

/**
 * The demo as a newcomer runs it, killed with -9 right after the head-end acknowledged readings: the embedded
 * PostgreSQL outlives the JVM, the next start on the same data directory stops that orphan itself and comes up,
 * and every acknowledged reading is there. Also checks that a second start reuses what the first created.
 */
class CrashRecoveryIT {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void findsEveryAcknowledgedReadingAfterTheJvmIsKilled() throws Exception {
        Path data = Files.createTempDirectory("meterguard-crash");
        int http = ServerProcess.freePort();
        int headEnd = ServerProcess.freePort();
        String[] demo = {
            "--meterguard.demo.meters=3", "--meterguard.demo.backfill-days=1", "--meterguard.demo.push-interval=1h"
        };
        TestUser operator;
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
        FleetRunner.Result acknowledged;
        try (ServerProcess first = ServerProcess.start(data, http, headEnd, demo)) {
            operator = userOf(first.awaitLine(l -> l.strip().startsWith("operator "), STARTUP));
            first.awaitLine(l -> l.contains("Demo fleet pushed"), STARTUP);

            List<SimulatedMeter> fleet = FleetFile.read(data.resolve("simulator/fleet.properties"));
            acknowledged =
                    runner(fleet, data, headEnd).push(day, day.plus(Duration.ofDays(1)), FleetRunner.Progress.silent());
            assertThat(acknowledged.framesAccepted()).isEqualTo(3);

            first.killHard();
            assertThat(postmasterIsRunning(data))
                    .as("the embedded PostgreSQL outlives a killed JVM")
                    .isTrue();

            try (ServerProcess second = ServerProcess.start(data, http, headEnd, demo)) {
                second.awaitLine(l -> l.contains("Started MeterguardApplication"), STARTUP);
                assertThat(second.output()).noneMatch(l -> l.contains("first start"));
                ApiClient api = new ApiClient(http);
                for (SimulatedMeter meter : fleet) {
                    JsonNode readings = readings(api, meter, day, operator);
                    assertThat(readings).hasSize(96);
                    assertThat(readings.get(40).get("value").asLong())
                            .isEqualTo(shape().importWh(meter, day.plus(Duration.ofMinutes(15 * 40))));
                }
            }
        } finally {
            assertThat(postmasterIsRunning(data))
                    .as("a clean stop stops PostgreSQL too")
                    .isFalse();
        }
    }

    private static JsonNode readings(ApiClient api, SimulatedMeter meter, Instant day, TestUser operator)
            throws Exception {
        ApiClient.Answer answer = api.get(
                "/api/v1/meters/" + meter.meterId() + "/readings?from=" + day + "&to=" + day.plus(Duration.ofDays(1))
                        + "&purpose=GRID_OPERATIONS",
                operator);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("readings");
    }

    private static FleetRunner runner(List<SimulatedMeter> fleet, Path data, int port) throws Exception {
        return new FleetRunner(
                fleet,
                CounterStore.open(data.resolve("simulator/counters.properties")),
                new PushBuilder(shape()),
                "localhost",
                port,
                Duration.ofSeconds(30),
                LabPki.collectorContext(data.resolve("pki"), LabPki.DEMO_COLLECTOR));
    }

    private static LoadShape shape() {
        return new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15));
    }

    /** The operator from the first start's banner line: "operator ROLE password: xxx  totp: otpauth://...". */
    private static TestUser userOf(String bannerLine) {
        String password = bannerLine
                .substring(bannerLine.indexOf("password:") + "password:".length(), bannerLine.indexOf("totp:"))
                .strip();
        String totp = bannerLine
                .substring(bannerLine.indexOf("totp:") + "totp:".length())
                .strip();
        return new TestUser("operator", password, java.net.URI.create(totp));
    }

    private static boolean postmasterIsRunning(Path data) throws Exception {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(
                Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
