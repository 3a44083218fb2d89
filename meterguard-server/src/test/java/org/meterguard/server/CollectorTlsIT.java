package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.CollectorMessage;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.pki.CollectorTls;
import org.meterguard.pki.RevocationReason;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.LabPki;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.simulator.HeadEndClient;
import org.meterguard.simulator.LoadShape;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Collectors over mutual TLS 1.3, with the lab PKI the first start creates: a collector with a certificate from the
 * utility's CA relays meters' frames and raises its own alarms; an unknown, revoked or absent certificate is
 * refused at the handshake and nothing it sends is stored; a meter heard through another collector than its home
 * one raises an alert.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false"
        })
class CollectorTlsIT {
    private static final AtomicInteger SERIAL = new AtomicInteger(5000);
    private static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");
    private static final PushBuilder BUILDER =
            new PushBuilder(new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15)));
    private static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("meterguard-tls");
        registry.add("meterguard.data-dir", dataDirectory::toString);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    HeadEnd headEnd;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int httpPort;

    @Test
    void aCertifiedCollectorRelaysFramesAndRaisesItsAlarms() throws Exception {
        SimulatedMeter meter = registeredMeter();
        try (HeadEndClient collector = connect(LabPki.DEMO_COLLECTOR)) {
            assertThat(collector.push(frame(meter, 1)).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            PushAcknowledgement alarm =
                    collector.push(CollectorMessage.alarm(1, Instant.now(), CollectorMessage.Alarm.ENCLOSURE_OPENED, 1)
                            .frame());
            assertThat(alarm)
                    .isEqualTo(new PushAcknowledgement(
                            PushAcknowledgement.Status.ACCEPTED, new SystemTitle(0), new InvocationCounter(1)));
        }
        assertThat(jdbc.sql("SELECT collector_id FROM received_frame WHERE system_title = ?")
                        .param(meter.systemTitle().value())
                        .query(String.class)
                        .single())
                .isEqualTo(LabPki.DEMO_COLLECTOR);
        JsonNode alerts = alerts("collector:" + LabPki.DEMO_COLLECTOR, 1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("COLLECTOR_ENCLOSURE_OPENED");
        assertThat(alerts.get(0).get("severity").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void aMeterHeardThroughAnotherCollectorRaisesAnAlert() throws Exception {
        SimulatedMeter meter = registeredMeter();
        String other = "C-OTHER-" + SERIAL.incrementAndGet();
        issue(other);
        try (HeadEndClient home = connect(LabPki.DEMO_COLLECTOR)) {
            assertThat(home.push(frame(meter, 1)).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        }
        try (HeadEndClient elsewhere = connect(other)) {
            assertThat(elsewhere.push(frame(meter, 2)).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        }
        JsonNode alerts = alerts("meter:" + meter.meterId(), 1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("METER_HEARD_VIA_UNEXPECTED_COLLECTOR");
        assertThat(alerts.get(0).get("detail").asString()).contains(other, LabPki.DEMO_COLLECTOR);
    }

    @Test
    void aRevokedCollectorIsRefusedAtTheHandshake() throws Exception {
        SimulatedMeter meter = registeredMeter();
        String collector = "C-REVOKED-" + SERIAL.incrementAndGet();
        issue(collector);
        try (HeadEndClient before = connect(collector)) {
            assertThat(before.push(frame(meter, 1)).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        }

        ca().revokeCollector(collector, RevocationReason.KEY_COMPROMISE);

        assertThatThrownBy(() -> {
                    try (HeadEndClient after = connect(collector)) {
                        after.push(frame(meter, 2));
                    }
                })
                .isInstanceOf(IOException.class);
        assertThat(storedFrames(meter))
                .as("only the frame sent before the revocation")
                .isOne();
        assertThat(handshakeRefusals()).isPositive();
    }

    @Test
    void aCollectorCertifiedByAnotherCaOrWithoutTlsIsRefused() throws Exception {
        SimulatedMeter meter = registeredMeter();
        Path rogueDirectory = Files.createTempDirectory("meterguard-rogue-ca");
        CertificateAuthority rogue =
                CertificateAuthority.create(rogueDirectory.resolve("ca"), "Rogue", "rogue-ca-password".toCharArray());
        Path bundle = rogueDirectory.resolve(LabPki.DEMO_COLLECTOR + ".p12");
        rogue.issueCollector(LabPki.DEMO_COLLECTOR, "bundle-password".toCharArray())
                .writeTo(bundle);
        // It even trusts our CA, so only the head-end's check of its certificate can refuse it.
        SSLContext impostor = CollectorTls.clientContext(
                bundle, "bundle-password".toCharArray(), CertificateAuthority.readCertificate(caDirectory()));

        assertThatThrownBy(() -> {
                    try (HeadEndClient client =
                            HeadEndClient.connect(impostor, "localhost", headEnd.port(), timeout())) {
                        client.push(frame(meter, 1));
                    }
                })
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
                    try (HeadEndClient plain = HeadEndClient.connect("localhost", headEnd.port(), timeout())) {
                        plain.push(frame(meter, 2));
                    }
                })
                .isInstanceOf(IOException.class);
        assertThat(storedFrames(meter)).isZero();
    }

    private SimulatedMeter registeredMeter() {
        int serial = SERIAL.incrementAndGet();
        SimulatedMeter meter = new SimulatedMeter(
                "MG-TLS-" + serial,
                new SystemTitle(0x4D4754_00000000L | serial),
                CipheringKeys.generate(new SecureRandom()));
        meters.register(
                MeterId.of(meter.meterId()), meter.systemTitle(), MeterModels.SIMULATED_RESIDENTIAL, meter.keys());
        return meter;
    }

    private static byte[] frame(SimulatedMeter meter, long counter) {
        List<Instant> starts = new ArrayList<>();
        Instant day = DAY.plus(Duration.ofDays(counter));
        for (int i = 0; i < 96; i++) {
            starts.add(day.plus(Duration.ofMinutes(15L * i)));
        }
        return PushBuilder.frame(meter, new InvocationCounter(counter), BUILDER.profile(meter, starts));
    }

    private HeadEndClient connect(String collector) throws IOException {
        return HeadEndClient.connect(
                LabPki.collectorContext(pkiDirectory(), collector), "localhost", headEnd.port(), timeout());
    }

    private static Duration timeout() {
        return Duration.ofSeconds(10);
    }

    private void issue(String collector) throws IOException {
        Path bundle = LabPki.collectorBundle(pkiDirectory(), collector);
        Files.writeString(bundle.resolveSibling(collector + ".password"), "bundle-password\n");
        ca().issueCollector(collector, "bundle-password".toCharArray()).writeTo(bundle);
    }

    private static CertificateAuthority ca() throws IOException {
        char[] password = Files.readString(pkiDirectory().resolve("ca.password"), StandardCharsets.US_ASCII)
                .strip()
                .toCharArray();
        return CertificateAuthority.open(caDirectory(), password);
    }

    private static Path pkiDirectory() {
        return dataDirectory.resolve("pki");
    }

    private static Path caDirectory() {
        return LabPki.caDirectory(pkiDirectory());
    }

    private long storedFrames(SimulatedMeter meter) {
        return jdbc.sql("SELECT count(*) FROM received_frame WHERE system_title = ?")
                .param(meter.systemTitle().value())
                .query(Long.class)
                .single();
    }

    private long handshakeRefusals() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long refusals;
        do {
            Thread.sleep(200);
            refusals = jdbc.sql("SELECT coalesce(sum(occurrences), 0) FROM security_event"
                            + " WHERE kind = 'TLS_HANDSHAKE_REFUSED'")
                    .query(Long.class)
                    .single();
        } while (refusals == 0 && System.nanoTime() < deadline);
        return refusals;
    }

    private JsonNode alerts(String subject, int atLeast) throws Exception {
        TestUser operator = TestUser.staff(accounts, "operator-" + SERIAL.incrementAndGet(), StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            ApiClient.Answer answer = api.get("/api/v1/alerts?subject=" + subject, operator);
            assertThat(answer.status()).isEqualTo(200);
            if (answer.json().size() >= atLeast || System.nanoTime() > deadline) {
                return answer.json();
            }
            Thread.sleep(200);
        }
    }
}
