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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.detection.UnusualActivityDetection;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.LabPki;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.simulator.BadActor;
import org.meterguard.simulator.CounterStore;
import org.meterguard.simulator.FleetDriver;
import org.meterguard.simulator.SimulatedFleet;
import org.meterguard.simulator.SiteDay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Unusual-activity detection end to end: staff traffic through the real API and forged and replayed frames through
 * the real head-end raise the expected alerts with their evidence; a normal stretch of work raises none; the
 * security report counts what was done. Working hours cover the whole week here (off-hours rules are tested with
 * scripted clocks in core), and bulk access starts at 10 customers an hour.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false",
            "meterguard.detection.working-hours-start=00:00",
            "meterguard.detection.working-hours-end=00:00",
            "meterguard.detection.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "meterguard.detection.bulk-minimum-customers=10",
            // When the class runs across a full hour, the first test's reads become a completed hour of peers'
            // baseline (mean 5 customers per analyst-hour); a factor of 1 keeps the threshold at the minimum
            // either way, so the bulk test does not depend on the clock. Factors are tested in core.
            "meterguard.detection.bulk-baseline-factor=1"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DetectionIT {
    private static final String PERIOD = "from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z";
    private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("meterguard-detection");
        registry.add("meterguard.data-dir", dataDirectory::toString);
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
    AuditLog audit;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HeadEnd headEnd;

    @Autowired
    UnusualActivityDetection detection;

    private ApiClient api() {
        return new ApiClient(httpPort);
    }

    @Test
    @Order(1)
    void aNormalStretchOfWorkRaisesNoAlertAndTheReportCountsIt() throws Exception {
        for (int i = 0; i < 12; i++) {
            meter("MG-DAY-" + i);
        }
        TestUser csr = user("csr", StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        TestUser billing = user("billing", StaffRole.BILLING_ANALYST);
        TestUser analyst = user("analyst", StaffRole.BILLING_ANALYST);
        TestUser operator = user("operator", StaffRole.GRID_OPERATOR);
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        int permitted = 0;
        for (int i = 0; i < 4; i++) { // checking bills: some customers looked at twice
            permitted += read(billing, "MG-DAY-" + i, "BILLING", "", 200);
            permitted += read(billing, "MG-DAY-" + i, "BILLING", "", 200);
        }
        read(csr, "MG-DAY-5", "CUSTOMER_SERVICE", "", 403); // a representative forgot the request once
        for (int i = 3; i < 9; i++) {
            permitted += read(analyst, "MG-DAY-" + i, "BILLING", "", 200);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(api().get(
                                    "/api/v1/meters/MG-DAY-" + (i * 2) + "/outages?" + PERIOD
                                            + "&purpose=GRID_OPERATIONS",
                                    operator)
                            .status())
                    .isEqualTo(200);
            permitted++;
        }
        assertThat(api().get("/api/v1/alerts", operator).status()).isEqualTo(200);

        detection.examineAllNow();

        assertThat(alerts(auditor)).isEmpty();
        JsonNode report = report(auditor);
        assertThat(report.get("accesses").get("total").asLong()).isEqualTo(permitted + 1);
        assertThat(report.get("accesses")
                        .get("byRole")
                        .get("CUSTOMER_SERVICE_REPRESENTATIVE")
                        .asLong())
                .isEqualTo(1);
        assertThat(report.get("accesses").get("byRole").get("BILLING_ANALYST").asLong())
                .isEqualTo(14);
        assertThat(report.get("accesses").get("byRole").get("GRID_OPERATOR").asLong())
                .isEqualTo(6);
        assertThat(report.get("accesses").get("byPurpose").get("BILLING").asLong())
                .isEqualTo(14);
        assertThat(report.get("accesses").get("byDecision").get("PERMIT").asLong())
                .isEqualTo(permitted);
        assertThat(report.get("denials").get("total").asLong()).isEqualTo(1);
        assertThat(report.get("alerts").get("total").asLong()).isZero();
        assertThat(report.get("keyChanges").asLong()).isZero();
    }

    @Test
    @Order(2)
    void anAnalystReadingManyCustomersInAnHourRaisesBulkAccessWithItsEvidence() throws Exception {
        for (int i = 0; i < 12; i++) {
            meter("MG-BULK-" + i);
        }
        TestUser mallory = user("mallory", StaffRole.BILLING_ANALYST);
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        TestUser operator = user("operator", StaffRole.GRID_OPERATOR);
        awayFromTheHoursEnd(); // bulk access counts within a clock hour
        for (int i = 0; i < 12; i++) {
            read(mallory, "MG-BULK-" + i, "BILLING", "", 200);
        }

        detection.examineAllNow();

        JsonNode alert = alert(auditor, "BULK_ACCESS", "user:" + mallory).orElseThrow();
        assertThat(alert.get("severity").asString()).isEqualTo("WARNING");
        JsonNode shown =
                api().get("/api/v1/alerts/" + alert.get("id").asLong(), auditor).json();
        List<Long> evidence = longs(shown.get("auditEntries"));
        assertThat(evidence).hasSize(10);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_entry WHERE seq = ANY(?::bigint[])")
                        .param(evidence.stream().map(String::valueOf).toArray(String[]::new))
                        .query(String.class)
                        .list())
                .containsExactly(mallory.username());
        assertThat(jdbc.sql("SELECT count(*) FROM detection_touch WHERE actor = ?")
                        .param(mallory.username())
                        .query(Long.class)
                        .single())
                .as("kept for a restart")
                .isEqualTo(12);
        assertThat(api().get("/api/v1/alerts", operator).json().toString())
                .as("alerts about people are for security auditors")
                .doesNotContain(mallory.username());
        assertThat(api().get("/api/v1/alerts/" + alert.get("id").asLong(), operator)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void aReadOfAHoneytokenAccountIsCritical() throws Exception {
        meter("MG-HONEY-1");
        TestUser officer = user("privacy", StaffRole.PRIVACY_OFFICER);
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        TestUser eve = user("eve", StaffRole.BILLING_ANALYST);
        ApiClient.Answer flagged = api().postJson(
                        "/api/v1/detection/flags",
                        "{\"subject\":\"meter:MG-HONEY-1\",\"kind\":\"HONEYTOKEN\",\"note\":\"decoy\"}",
                        officer);
        assertThat(flagged.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/detection/flags", auditor).json().toString())
                .contains("meter:MG-HONEY-1", "HONEYTOKEN");
        assertThat(api().get("/api/v1/detection/flags", eve).status()).isEqualTo(403);
        assertThat(api().postJson("/api/v1/detection/flags", "{\"subject\":\"customer 7\",\"kind\":\"VIP\"}", officer)
                        .status())
                .isEqualTo(400);

        read(eve, "MG-HONEY-1", "BILLING", "", 200);
        detection.examineAllNow();

        JsonNode alert = alert(auditor, "HONEYTOKEN_TOUCHED", "user:" + eve).orElseThrow();
        assertThat(alert.get("severity").asString()).isEqualTo("CRITICAL");
        List<Long> evidence =
                longs(api().get("/api/v1/alerts/" + alert.get("id").asLong(), auditor)
                        .json()
                        .get("auditEntries"));
        auditLog.awaitProjected();
        assertThat(evidence)
                .containsExactly(
                        jdbc.sql("SELECT seq FROM audit_entry WHERE actor = ? AND subject = 'meter:MG-HONEY-1'")
                                .param(eve.username())
                                .query(Long.class)
                                .single());
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'flag-subject' AND actor = ?")
                        .param(officer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api().delete("/api/v1/detection/flags?subject=meter:MG-HONEY-1", officer)
                        .status())
                .isEqualTo(204);
        assertThat(api().delete("/api/v1/detection/flags?subject=meter:MG-HONEY-1", officer)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(4)
    void repeatedFailedSignInsRaiseAnAlert() throws Exception {
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        TestUser frank = user("frank", StaffRole.BILLING_ANALYST);
        for (int i = 0; i < 5; i++) { // the fifth failure locks the account
            assertThat(api().signIn(frank.username(), "not-the-password").status())
                    .isEqualTo(401);
        }
        detection.examineAllNow();

        JsonNode alert =
                alert(auditor, "REPEATED_FAILED_SIGN_IN", "user:" + frank).orElseThrow();
        assertThat(longs(api().get("/api/v1/alerts/" + alert.get("id").asLong(), auditor)
                        .json()
                        .get("auditEntries")))
                .hasSize(5);
        assertThat(alert(auditor, "ACCOUNT_LOCKED", "user:" + frank)).isPresent();
        JsonNode report = report(auditor);
        assertThat(report.get("failedSignIns").asLong())
                .as("five refusals and the lockout")
                .isEqualTo(6);
        assertThat(report.get("lockouts").asLong()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void repeatedDenialsExaminedTogetherAreOneAlertCountingEachFinding() throws Exception {
        for (int i = 0; i < 8; i++) {
            meter("MG-DENY-" + i);
        }
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        TestUser grace = user("grace", StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        for (int i = 0; i < 8; i++) { // no request named: refused
            read(grace, "MG-DENY-" + i, "CUSTOMER_SERVICE", "", 403);
        }

        detection.examineAllNow(); // one batch: the 5th to the 8th denial each make a finding

        JsonNode alert = alert(auditor, "REPEATED_DENIALS", "user:" + grace).orElseThrow();
        assertThat(alert.get("occurrences").asLong()).as("one per finding").isEqualTo(4);
        assertThat(alert.get("detail").asString()).as("the last finding's").contains("refused 8 covered reads");
        List<Long> evidence =
                longs(api().get("/api/v1/alerts/" + alert.get("id").asLong(), auditor)
                        .json()
                        .get("auditEntries"));
        assertThat(evidence).as("every denial, once").hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void replayedAndForgedFramesAndAKeyChangeFeedTheSameAlerting() throws Exception {
        TestUser auditor = user("auditor", StaffRole.SECURITY_AUDITOR);
        SimulatedFleet fleet = fleet("DET", 5);
        FleetDriver driver = new FleetDriver(
                fleet,
                CounterStore.open(Files.createTempDirectory("det-fleet").resolve("counters.properties")),
                new SiteDay(ZoneId.of("America/Los_Angeles"), 0, 0),
                this::tls,
                "localhost",
                headEnd.port(),
                16);
        driver.run(
                List.of(LocalDate.now(ZoneOffset.UTC)
                        .minusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()),
                List.of(BadActor.REPLAYED_COUNTER, BadActor.FORGED_TAG),
                progress -> {});
        MeterId rotated = MeterId.of(fleet.meters().get(0).meter().meterId());
        meters.rotateKeys(rotated);

        JsonNode replay = awaitAlert(auditor, "METER_REPLAY_ATTEMPT");
        JsonNode forged = awaitAlert(auditor, "METER_AUTHENTICATION_FAILURE");
        JsonNode keyChange = awaitAlert(auditor, "METER_KEY_CHANGED");

        assertThat(replay.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(replay.get("subject").asString()).startsWith("meter:DET-");
        List<Long> replayEvents =
                longs(api().get("/api/v1/alerts/" + replay.get("id").asLong(), auditor)
                        .json()
                        .get("securityEvents"));
        assertThat(replayEvents).isNotEmpty();
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM security_event WHERE id = ANY(?::bigint[])")
                        .param(replayEvents.stream().map(String::valueOf).toArray(String[]::new))
                        .query(String.class)
                        .list())
                .containsExactly("FRAME_REPLAYED_COUNTER");
        assertThat(forged.get("subject").asString()).startsWith("meter:DET-");
        assertThat(keyChange.get("subject").asString()).isEqualTo("meter:" + rotated.value());
        assertThat(api().get("/api/v1/alerts/" + keyChange.get("id").asLong(), auditor)
                        .json()
                        .get("keyChanges")
                        .get(0)
                        .asString())
                .isEqualTo(rotated.value() + ":2");
        JsonNode report = report(auditor);
        assertThat(report.get("keyChanges").asLong()).isEqualTo(1);
        assertThat(report.get("securityEvents").get("FRAME_REPLAYED_COUNTER").asLong())
                .isPositive();
        assertThat(report.get("alerts")
                        .get("byKind")
                        .get("METER_REPLAY_ATTEMPT")
                        .asLong())
                .isEqualTo(1);
    }

    private static void awayFromTheHoursEnd() throws InterruptedException {
        Instant now = Instant.now();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        if (Duration.between(now, next).compareTo(Duration.ofSeconds(30)) < 0) {
            Thread.sleep(Duration.between(now, next).toMillis() + 1_000);
        }
    }

    private int read(TestUser user, String meter, String purpose, String basis, int expected) throws Exception {
        if (!basis.isEmpty()) {
            onRecord(user.username(), meter, basis);
        }
        String query = "/api/v1/meters/" + meter + "/readings?" + PERIOD + "&purpose=" + purpose
                + (basis.isEmpty() ? "" : "&basis=" + basis);
        assertThat(api().get(query, user).status()).as(query).isEqualTo(expected);
        return 1;
    }

    private List<JsonNode> alerts(TestUser auditor) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        api().get("/api/v1/alerts?all=true&limit=1000", auditor).json().forEach(out::add);
        return out;
    }

    private Optional<JsonNode> alert(TestUser auditor, String kind, String subject) throws Exception {
        return alerts(auditor).stream()
                .filter(a -> a.get("kind").asString().equals(kind)
                        && (subject == null || a.get("subject").asString().equals(subject)))
                .findFirst();
    }

    private JsonNode awaitAlert(TestUser auditor, String kind) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            detection.examineAllNow();
            Optional<JsonNode> alert = alert(auditor, kind, null);
            if (alert.isPresent() || System.nanoTime() > deadline) {
                return alert.orElseThrow(() -> new AssertionError("no " + kind + " alert"));
            }
            Thread.sleep(300);
        }
    }

    private JsonNode report(TestUser auditor) throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        ApiClient.Answer answer = api().get("/api/v1/detection/report?from=" + STARTED + "&to=" + to, auditor);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(Long.parseLong(n.asString())));
        return out;
    }

    private void meter(String meter) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
    }

    private TestUser user(String name, StaffRole role) {
        TestUser user = TestUser.staff(staff, name + "-" + System.nanoTime(), role);
        jdbc.sql("INSERT INTO privacy_training (username, completed_on, valid_until, recorded_by)"
                        + " VALUES (?, current_date - 1, current_date + 365, 'test')")
                .param(user.username())
                .update();
        return user;
    }

    /**
     * Makes a declared basis real, as access control checks it: a representative's request is the customer's service
     * request for the account at the meter (opened here, with the account in the representative's queue); a
     * technician's is an open work order on the meter assigned to them.
     */
    private void onRecord(String user, String meter, String basis) {
        String role = jdbc.sql("SELECT role FROM staff_user WHERE username = ?")
                .param(user)
                .query(String.class)
                .single();
        if (role.equals(StaffRole.FIELD_TECHNICIAN.name())) {
            jdbc.sql("INSERT INTO work_order (work_order_id, meter_id, assigned_to, reason, opened_by)"
                            + " VALUES (?, ?, ?, 'test', 'test') ON CONFLICT DO NOTHING")
                    .params(basis, meter, user)
                    .update();
        } else if (role.equals(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE.name())) {
            String account = "ACC-" + meter;
            String point = "SP-" + meter;
            if (jdbc.sql("SELECT count(*) FROM customer_account WHERE account_id = ?")
                            .param(account)
                            .query(Long.class)
                            .single()
                    == 0) {
                jdbc.sql("INSERT INTO service_point (service_point_id, feeder, zone) VALUES (?, 'F-DET', 'Z-DET')")
                        .param(point)
                        .update();
                jdbc.sql("INSERT INTO meter_installation (meter_id, service_point_id, installed_at)"
                                + " VALUES (?, ?, '2020-01-01T00:00:00Z')")
                        .params(meter, point)
                        .update();
                jdbc.sql("INSERT INTO customer_account (account_id, account_class) VALUES (?, 'RESIDENTIAL')")
                        .param(account)
                        .update();
                jdbc.sql("INSERT INTO occupancy (account_id, service_point_id, move_in)"
                                + " VALUES (?, ?, '2020-01-01T00:00:00Z')")
                        .params(account, point)
                        .update();
            }
            jdbc.sql("INSERT INTO staff_queue (username, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(user, account)
                    .update();
            jdbc.sql("INSERT INTO service_request (service_request_id, account_id, opened_by) VALUES (?, ?, 'test')"
                            + " ON CONFLICT DO NOTHING")
                    .params(basis, account)
                    .update();
        }
    }

    private SimulatedFleet fleet(String prefix, int size) throws IOException {
        SimulatedFleet fleet = SimulatedFleet.generate(size, 1, SimulatedFleet.mix("residential=100"), prefix);
        meters.registerAll(fleet.meters().stream()
                .map(m -> new MeterRegistry.NewMeter(
                        MeterId.of(m.meter().meterId()),
                        m.meter().systemTitle(),
                        m.kind().model(),
                        m.meter().keys()))
                .toList());
        Path pki = dataDirectory.resolve("pki");
        CertificateAuthority ca = CertificateAuthority.open(
                LabPki.caDirectory(pki),
                Files.readString(pki.resolve("ca.password"), StandardCharsets.US_ASCII)
                        .strip()
                        .toCharArray());
        for (String collector : fleet.collectors()) {
            Path bundle = LabPki.collectorBundle(pki, collector);
            Files.writeString(bundle.resolveSibling(collector + ".password"), "collector-password\n");
            ca.issueCollector(collector, "collector-password".toCharArray()).writeTo(bundle);
        }
        return fleet;
    }

    private javax.net.ssl.SSLContext tls(String collector) {
        try {
            return LabPki.collectorContext(dataDirectory.resolve("pki"), collector);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
