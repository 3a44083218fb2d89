package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.LabPki;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.simulator.BadActor;
import org.meterguard.simulator.CollectorLink;
import org.meterguard.simulator.CounterStore;
import org.meterguard.simulator.FleetDriver;
import org.meterguard.simulator.FleetMeter;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedFleet;
import org.meterguard.simulator.SiteDay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The simulator's fleet against the real head-end over mutual TLS: residential, solar, EV and commercial meters
 * behind several collectors push two days with outages and tampering, every bad actor gets the answer it must,
 * and a collector whose link breaks mid-stream resends what was unanswered without anything stored twice.
 */
@SpringBootTest(
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false",
            // A flood of 300 frames exceeds this burst by far however slowly a loaded machine sends it (refill 1/s).
            "meterguard.headend.meter-burst=50"
        })
class SimulatedFleetIT {
    private static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("meterguard-fleet");
        registry.add("meterguard.data-dir", dataDirectory::toString);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    HeadEnd headEnd;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMixedFleetWithOutagesTamperingAndBadActors() throws Exception {
        SimulatedFleet fleet = fleet("FLT", 60, 3);
        Path directory = Files.createTempDirectory("fleet");
        FleetDriver driver = new FleetDriver(
                fleet,
                CounterStore.open(directory.resolve("counters.properties")),
                new SiteDay(ZoneId.of("America/Los_Angeles"), 0.2, 0.1),
                this::tls,
                "localhost",
                headEnd.port(),
                32);

        FleetDriver.Report report = driver.run(days(2), List.of(BadActor.values()), progress -> {});

        assertThat(report.answers().get(PushAcknowledgement.Status.REJECTED)).isZero();
        assertThat(report.answers().get(PushAcknowledgement.Status.ACCEPTED)).isEqualTo(report.frames());
        for (Map.Entry<BadActor, Map<PushAcknowledgement.Status, Long>> bad :
                report.badActors().entrySet()) {
            assertThat(bad.getValue()).as(bad.getKey().name()).isNotEmpty();
        }
        assertThat(report.badActors().get(BadActor.DUPLICATE)).containsOnlyKeys(PushAcknowledgement.Status.DUPLICATE);
        assertThat(report.badActors().get(BadActor.FORGED_TAG)).containsOnlyKeys(PushAcknowledgement.Status.REJECTED);
        assertThat(report.badActors().get(BadActor.REPLAYED_COUNTER))
                .containsOnlyKeys(PushAcknowledgement.Status.REJECTED);
        assertThat(report.badActors().get(BadActor.UNKNOWN_METER))
                .containsOnlyKeys(PushAcknowledgement.Status.REJECTED);
        assertThat(report.badActors().get(BadActor.MALFORMED)).containsOnlyKeys(PushAcknowledgement.Status.REJECTED);
        assertThat(report.badActors().get(BadActor.FLOOD).get(PushAcknowledgement.Status.REJECTED))
                .isGreaterThan(BadActor.FLOOD_FRAMES / 3);

        String[] ids = fleet.meters().stream().map(m -> m.meter().meterId()).toArray(String[]::new);
        assertThat(count("SELECT count(*) FROM meter_event WHERE code = 1 AND meter_id = ANY(?)", ids))
                .as("outages logged")
                .isPositive();
        assertThat(count("SELECT count(DISTINCT channel) FROM interval_day WHERE meter_id = ANY(?)", ids))
                .as("import, export and voltages L1-L3")
                .isEqualTo(5);
        assertThat(count("SELECT count(*) FROM collector WHERE collector_id LIKE 'FLT-%' AND ? IS NOT NULL", ids))
                .isEqualTo(3);
        awaitAlert("METER_COVER_OPENED");
    }

    @Test
    void aCollectorWhoseLinkBreaksResendsAndNothingIsStoredTwice() throws Exception {
        SimulatedFleet fleet = fleet("BRK", 120, 1);
        FleetMeter first = fleet.meters().get(0);
        SiteDay siteDay = new SiteDay(ZoneId.of("America/Los_Angeles"), 0, 0);
        Instant day = days(1).get(0);
        try (CollectorLink link =
                new CollectorLink(tls(first.collector()), "localhost", headEnd.port(), 64, Duration.ofSeconds(30))) {
            for (int i = 0; i < fleet.meters().size(); i++) {
                FleetMeter site = fleet.meters().get(i);
                link.send(PushBuilder.wrap(
                        site.meter(),
                        new InvocationCounter(1),
                        siteDay.pushes(site, day).get(0)));
                if (i == 60) {
                    link.breakConnection();
                }
            }
            link.drain();
            assertThat(link.retransmitted()).isPositive();
            assertThat(link.answered(PushAcknowledgement.Status.REJECTED)).isZero();
            assertThat(link.answered(PushAcknowledgement.Status.ACCEPTED)
                            + link.answered(PushAcknowledgement.Status.DUPLICATE))
                    .isEqualTo(fleet.meters().size());
        }
        Long[] titles = fleet.meters().stream()
                .map(m -> m.meter().systemTitle().value())
                .toArray(Long[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM received_frame WHERE system_title = ANY(?)")
                        .param(titles)
                        .query(Long.class)
                        .single())
                .isEqualTo(fleet.meters().size());
    }

    private SimulatedFleet fleet(String prefix, int size, int collectors) throws IOException {
        SimulatedFleet fleet = SimulatedFleet.generate(
                size, collectors, SimulatedFleet.mix("residential=60,solar=20,ev=10,commercial=10"), prefix);
        meters.registerAll(fleet.meters().stream()
                .map(m -> new MeterRegistry.NewMeter(
                        MeterId.of(m.meter().meterId()),
                        m.meter().systemTitle(),
                        m.kind().model(),
                        m.meter().keys()))
                .toList());
        CertificateAuthority ca = CertificateAuthority.open(
                LabPki.caDirectory(pki()),
                Files.readString(pki().resolve("ca.password"), StandardCharsets.US_ASCII)
                        .strip()
                        .toCharArray());
        for (String collector : fleet.collectors()) {
            Path bundle = LabPki.collectorBundle(pki(), collector);
            Files.writeString(bundle.resolveSibling(collector + ".password"), "collector-password\n");
            ca.issueCollector(collector, "collector-password".toCharArray()).writeTo(bundle);
        }
        return fleet;
    }

    private javax.net.ssl.SSLContext tls(String collector) {
        try {
            return LabPki.collectorContext(pki(), collector);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pki() {
        return dataDirectory.resolve("pki");
    }

    private static List<Instant> days(int count) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(d -> today.minusDays(count - d + 1L)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant())
                .toList();
    }

    private long count(String sql, String[] ids) {
        return jdbc.sql(sql).param(ids).query(Long.class).single();
    }

    private void awaitAlert(String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long alerts;
        do {
            Thread.sleep(200);
            alerts = jdbc.sql("SELECT count(*) FROM alert WHERE kind = ?")
                    .param(kind)
                    .query(Long.class)
                    .single();
        } while (alerts == 0 && System.nanoTime() < deadline);
        assertThat(alerts).as(kind + " alerts").isPositive();
    }
}
