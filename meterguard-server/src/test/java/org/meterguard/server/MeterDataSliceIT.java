package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.MeterEvent;
import org.meterguard.dlms.MeterEventCode;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.PushEncoder;
import org.meterguard.dlms.RegisterValue;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperFrame;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.headend.HeadEnd;
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
 * The foundation's thin slice, end to end through real sockets and the real (embedded) database: a simulated
 * meter's ciphered load-profile push goes over TCP to the head-end, is verified, decrypted and stored, and comes
 * back from the readings API to a staff user who declares a purpose; the read is in the audit log. Frames under
 * a wrong key, with a replayed counter, from an unknown meter, or not encrypted store nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            // The frames' own end-to-end security is under test here, over plain TCP; TLS in CollectorTlsIT.
            "meterguard.headend.tls.enabled=false",
            "meterguard.headend.meter-burst=20",
            "meterguard.headend.silence-check=PT1S",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false"
        })
class MeterDataSliceIT {
    private static final AtomicInteger SERIAL = new AtomicInteger(1000);
    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final PushBuilder BUILDER =
            new PushBuilder(new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15)));

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory("meterguard-slice");
        registry.add("meterguard.data-dir", directory::toString);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Assignments assignments;

    @Autowired
    HeadEnd headEnd;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @LocalServerPort
    int httpPort;

    @Test
    void storesAnAuthenticatedPushAndServesItForADeclaredPurpose() throws Exception {
        SimulatedMeter meter = registeredMeter();
        TestUser operator = account(StaffRole.GRID_OPERATOR);

        assertThat(push(meter, 1, DAY).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);

        ApiClient.Answer answer = new ApiClient(httpPort).get(readingsOf(meter, "GRID_OPERATIONS"), operator);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode readings = answer.json().get("readings");
        assertThat(readings).hasSize(96);
        LoadShape shape = new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15));
        for (int i = 0; i < 96; i++) {
            Instant start = DAY.plus(Duration.ofMinutes(15L * i));
            assertThat(readings.get(i).get("start").asString()).isEqualTo(start.toString());
            assertThat(readings.get(i).get("value").asLong()).isEqualTo(shape.importWh(meter, start));
            assertThat(readings.get(i).get("quality").asString()).isEqualTo("RAW");
        }
        assertThat(auditDecisions(meter)).containsExactly(operator + " PERMIT GRID_OPERATIONS");
    }

    @Test
    void storesNothingFromAFrameUnderAWrongKey() throws Exception {
        SimulatedMeter meter = registeredMeter();
        SimulatedMeter impostor =
                new SimulatedMeter(meter.meterId(), meter.systemTitle(), CipheringKeys.generate(new SecureRandom()));
        // Knows the meter's encryption key but not its authentication key: the ciphertext decrypts to a valid
        // profile, so only the GCM tag stands between this frame and the store.
        SimulatedMeter forger = new SimulatedMeter(
                meter.meterId(),
                meter.systemTitle(),
                CipheringKeys.of(
                        meter.keys().encryptionKey(KeyAccess.insecure()),
                        CipheringKeys.generate(new SecureRandom()).authenticationKey(KeyAccess.insecure())));
        byte[] tampered = frame(meter, 3, DAY);
        tampered[tampered.length - 20] ^= 0x01; // one ciphertext bit, well before the 12-byte tag

        assertThat(push(impostor, 1, DAY).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
        assertThat(push(forger, 2, DAY).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
        try (HeadEndClient client = connect()) {
            assertThat(client.push(tampered).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
        }

        assertThat(storedDays(meter)).isZero();
        assertThat(securityEvents(meter, 3))
                .containsOnly("FRAME_AUTHENTICATION_FAILED")
                .hasSize(3);
    }

    @Test
    void storesNothingFromAReplayedCounter() throws Exception {
        SimulatedMeter meter = registeredMeter();
        byte[] first = frame(meter, 7, DAY);
        try (HeadEndClient client = connect()) {
            assertThat(client.push(first).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            // An exact copy (a collector's retransmission, or a captured frame played back) stores nothing.
            assertThat(client.push(first).status()).isEqualTo(PushAcknowledgement.Status.DUPLICATE);
            Instant nextDay = DAY.plus(Duration.ofDays(1));
            assertThat(client.push(frame(meter, 7, nextDay)).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
            assertThat(client.push(frame(meter, 6, nextDay)).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
        }
        assertThat(storedDays(meter)).as("only the first frame's day").isEqualTo(2); // import and export rows
        assertThat(securityEvents(meter, 2))
                .containsOnly("FRAME_REPLAYED_COUNTER")
                .hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM received_frame WHERE system_title = ?")
                        .param(meter.systemTitle().value())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void storesNothingFromAnUnknownMeter() throws Exception {
        SimulatedMeter stranger = new SimulatedMeter(
                "MG-UNKNOWN", new SystemTitle(0x4D4753_0000FFFFL), CipheringKeys.generate(new SecureRandom()));
        long daysBefore =
                jdbc.sql("SELECT count(*) FROM interval_day").query(Long.class).single();

        assertThat(push(stranger, 1, DAY).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);

        assertThat(jdbc.sql("SELECT count(*) FROM interval_day")
                        .query(Long.class)
                        .single())
                .isEqualTo(daysBefore);
        assertThat(securityEvents(stranger, 1)).containsExactly("FRAME_UNKNOWN_METER");
    }

    @Test
    void storesNothingFromAFrameThatIsNotEncrypted() throws Exception {
        SimulatedMeter meter = registeredMeter();
        byte[] plaintextApdu = new org.meterguard.dlms.DataNotification(
                        1,
                        null,
                        org.meterguard.dlms.LoadProfileCodec.encodeBody(
                                meter.systemTitle(),
                                PushBuilder.RESIDENTIAL_LAYOUT,
                                BUILDER.profile(meter, dayOf(DAY))))
                .encode();
        for (SecurityControl weaker : List.of(SecurityControl.AUTHENTICATED_ONLY, SecurityControl.ENCRYPTED_ONLY)) {
            byte[] secured = SecuritySuite0.protect(
                    weaker, meter.systemTitle(), new InvocationCounter(weaker.toByte()), meter.keys(), plaintextApdu);
            byte[] frame = new WrapperFrame(1, 1, GeneralGloCiphering.encode(meter.systemTitle(), secured)).encode();
            try (HeadEndClient client = connect()) {
                assertThat(client.push(frame).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
            }
        }
        assertThat(storedDays(meter)).isZero();
        assertThat(securityEvents(meter, 2)).containsOnly("FRAME_UNPROTECTED").hasSize(2);
    }

    @Test
    void refusesSecuredContentTooShortForItsTagAndTheConnectionGoesOn() throws Exception {
        SimulatedMeter meter = registeredMeter();
        // SC (authenticated and encrypted) and invocation counter 7, then 3 bytes where 12 of tag at least must be.
        byte[] secured = {0x30, 0, 0, 0, 7, 1, 2, 3};
        byte[] frame = new WrapperFrame(1, 1, GeneralGloCiphering.encode(meter.systemTitle(), secured)).encode();
        try (HeadEndClient client = connect()) {
            assertThat(client.push(frame).status()).isEqualTo(PushAcknowledgement.Status.REJECTED);
            assertThat(client.push(frame(meter, 8, DAY)).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        }
        assertThat(storedDays(meter)).isEqualTo(2);
        assertThat(securityEvents(meter, 1)).containsExactly("FRAME_MALFORMED");
    }

    @Test
    void refusesAndAuditsReadsWithoutAPermittedPurpose() throws Exception {
        SimulatedMeter meter = registeredMeter();
        push(meter, 1, DAY);
        TestUser operator = account(StaffRole.GRID_OPERATOR);
        TestUser administrator = account(StaffRole.ADMINISTRATOR);
        ApiClient api = new ApiClient(httpPort);

        ApiClient.Answer noPurpose = api.get(readingsOf(meter, null), operator);
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().get("detail").asString()).contains("purpose");

        ApiClient.Answer wrongPurpose = api.get(readingsOf(meter, "BILLING"), operator);
        assertThat(wrongPurpose.status()).isEqualTo(403);
        assertThat(wrongPurpose.json().get("detail").asString()).contains("GRID_OPERATOR", "BILLING");

        assertThat(api.get(readingsOf(meter, "GRID_OPERATIONS"), administrator).status())
                .isEqualTo(403);
        assertThat(api.get(readingsOf(meter, "GRID_OPERATIONS")).status()).isEqualTo(401);
        assertThat(api.signIn(operator.username(), "wrong").status()).isEqualTo(401);

        assertThat(auditDecisions(meter))
                .containsExactly(operator + " DENY BILLING", administrator + " DENY GRID_OPERATIONS");
    }

    @Test
    void acceptsTheOldKeyUntilTheMeterUsesTheNewOneThenRefusesIt() throws Exception {
        SimulatedMeter meter = registeredMeter();
        assertThat(push(meter, 1, DAY).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);

        MeterRegistry.RotatedKeys rotated = meters.rotateKeys(MeterId.of(meter.meterId()));
        SimulatedMeter renewed = new SimulatedMeter(meter.meterId(), meter.systemTitle(), rotated.keys());
        assertThat(rotated.version()).isEqualTo(2);
        assertThat(push(meter, 2, DAY.plus(Duration.ofDays(1))).status())
                .as("the old key, before the meter has switched")
                .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        assertThat(push(renewed, 1, DAY.plus(Duration.ofDays(2))).status())
                .as("the new key, whose counters start afresh")
                .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        assertThat(push(meter, 3, DAY.plus(Duration.ofDays(3))).status())
                .as("the old key, after the meter has switched")
                .isEqualTo(PushAcknowledgement.Status.REJECTED);
        assertThat(push(renewed, 1, DAY.plus(Duration.ofDays(4))).status())
                .as("a counter under the new key that does not rise")
                .isEqualTo(PushAcknowledgement.Status.REJECTED);

        assertThat(jdbc.sql("SELECT key_version || ' ' || status || ' ' || invocation_counter FROM meter_key"
                                + " WHERE meter_id = ? ORDER BY key_version")
                        .param(meter.meterId())
                        .query(String.class)
                        .list())
                .containsExactly("1 RETIRED 2", "2 ACTIVE 1");
        assertThat(storedDays(meter)).isEqualTo(6); // three days, import and export
        byte[] newKey = rotated.keys().encryptionKey(KeyAccess.insecure());
        for (byte[] stored : jdbc.sql("SELECT wrapped_keys FROM meter_key WHERE meter_id = ?")
                .param(meter.meterId())
                .query(byte[].class)
                .list()) {
            assertThat(Collections.indexOfSubList(bytes(stored), bytes(newKey)))
                    .as("no plaintext key in the database")
                    .isEqualTo(-1);
        }
    }

    @Test
    void refusesAFloodFromOneMeterAndCountsItForTheMetrics() throws Exception {
        SimulatedMeter meter = registeredMeter();
        TestUser auditor = account(StaffRole.SECURITY_AUDITOR);
        Map<PushAcknowledgement.Status, Integer> answers = new EnumMap<>(PushAcknowledgement.Status.class);
        try (HeadEndClient client = connect()) {
            for (int counter = 1; counter <= 40; counter++) {
                client.send(frame(meter, counter, DAY.plus(Duration.ofDays(counter))));
            }
            for (int i = 0; i < 40; i++) {
                answers.merge(client.awaitAcknowledgement().status(), 1, Integer::sum);
            }
        }
        assertThat(answers.get(PushAcknowledgement.Status.ACCEPTED)).isBetween(20, 21);
        assertThat(answers.get(PushAcknowledgement.Status.REJECTED)).isBetween(19, 20);
        assertThat(securityEvents(meter, 19)).containsOnly("FRAME_RATE_LIMITED");

        ApiClient.Answer metric = new ApiClient(httpPort)
                .get("/actuator/metrics/meterguard.headend.frames.rejected?tag=reason:RATE_LIMITED", auditor);
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().get("measurements").get(0).get("value").asDouble())
                .isGreaterThanOrEqualTo(19);
        assertThat(new ApiClient(httpPort)
                        .get("/actuator/metrics/meterguard.headend.frames.accepted", account(StaffRole.GRID_OPERATOR))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void raisesOneAlertForZeroConsumptionWhileVoltageIsPresent() throws Exception {
        SimulatedMeter meter = registeredMeter(MeterModels.SIMULATED_RESIDENTIAL_VOLTAGE);
        ProfileLayout layout =
                MeterModels.layoutOf(MeterModels.SIMULATED_RESIDENTIAL_VOLTAGE).orElseThrow();
        for (int counter = 1; counter <= 2; counter++) {
            ProfileBuffer.Builder buffer = ProfileBuffer.builder(layout.valueColumns());
            Instant day = DAY.plus(Duration.ofDays(counter));
            for (int slot = 0; slot < 96; slot++) {
                // Consumption stops at noon while the meter still sees 239.8 V: a bypass.
                buffer.add(day.plus(Duration.ofMinutes(15L * (slot + 1))), slot < 48 ? 150 : 0, 0, 2398, 0);
            }
            byte[] apdu = new DataNotification(
                            counter, null, LoadProfileCodec.encodeBody(meter.systemTitle(), layout, buffer.build()))
                    .encode();
            try (HeadEndClient client = connect()) {
                assertThat(client.push(PushBuilder.wrap(meter, new InvocationCounter(counter), apdu))
                                .status())
                        .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            }
        }
        TestUser operator = account(StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        JsonNode alerts = awaitAlerts(api, meter, operator, 2);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("ZERO_CONSUMPTION_WITH_VOLTAGE");
        assertThat(alerts.get(0).get("severity").asString()).isEqualTo("WARNING");
        assertThat(alerts.get(0).get("occurrences").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM interval_day WHERE meter_id = ? AND channel = ?")
                        .params(meter.meterId(), Channel.VOLTAGE_L1.code())
                        .query(Long.class)
                        .single())
                .as("voltage stored as its own channel")
                .isEqualTo(2);

        assertThat(api.get("/api/v1/alerts", account(StaffRole.BILLING_ANALYST)).status())
                .isEqualTo(403);
        long id = alerts.get(0).get("id").asLong();
        assertThat(api.post("/api/v1/alerts/" + id + "/close", operator).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/alerts/" + id + "/close", operator).status())
                .isEqualTo(409);
    }

    @Test
    void storesEventLogsAndRegisterReadsAndAlertsOnTamperEvents() throws Exception {
        SimulatedMeter meter = registeredMeter();
        Instant opened = DAY.plus(Duration.ofHours(3));
        byte[] events = PushEncoder.events(
                1,
                meter.systemTitle(),
                Obis.STANDARD_EVENT_LOG,
                List.of(
                        MeterEvent.of(DAY.plus(Duration.ofHours(1)), MeterEventCode.POWER_DOWN),
                        MeterEvent.of(DAY.plus(Duration.ofHours(2)), MeterEventCode.POWER_UP),
                        MeterEvent.of(opened, MeterEventCode.METER_COVER_OPENED),
                        new MeterEvent(opened, 231)));
        byte[] registers = PushEncoder.registers(
                2,
                meter.systemTitle(),
                List.of(new RegisterValue(
                        Obis.ACTIVE_ENERGY_IMPORT, 12_345_678, 0, CaptureObject.UNIT_WATT_HOUR, DAY)));
        try (HeadEndClient client = connect()) {
            assertThat(client.push(PushBuilder.wrap(meter, new InvocationCounter(1), events))
                            .status())
                    .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            assertThat(client.push(PushBuilder.wrap(meter, new InvocationCounter(2), registers))
                            .status())
                    .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            // The same events again, in a new frame: stored once.
            assertThat(client.push(PushBuilder.wrap(meter, new InvocationCounter(3), events))
                            .status())
                    .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
            // The same register read again, in a new frame: stored once.
            assertThat(client.push(PushBuilder.wrap(meter, new InvocationCounter(4), registers))
                            .status())
                    .isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        }

        assertThat(jdbc.sql("SELECT code || ' ' || coalesce(kind, '?') FROM meter_event WHERE meter_id = ?"
                                + " ORDER BY occurred_at, code")
                        .param(meter.meterId())
                        .query(String.class)
                        .list())
                .containsExactly("1 POWER_DOWN", "2 POWER_UP", "44 METER_COVER_OPENED", "231 ?");
        assertThat(jdbc.sql("SELECT obis || ' ' || value || ' ' || unit FROM register_read WHERE meter_id = ?")
                        .param(meter.meterId())
                        .query(String.class)
                        .list())
                .containsExactly("1.0.1.8.0.255 12345678 30");
        JsonNode alerts = awaitAlerts(new ApiClient(httpPort), meter, account(StaffRole.GRID_OPERATOR), 1);
        Thread.sleep(500); // a second raise, were there one, would be on its way
        alerts = awaitAlerts(new ApiClient(httpPort), meter, account(StaffRole.GRID_OPERATOR), 1);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("occurrences").asLong())
                .as("the re-sent event raised nothing")
                .isOne();
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("METER_COVER_OPENED");
        assertThat(alerts.get(0).get("severity").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void alertsOnceOnAMeterSilentPastItsSchedule() throws Exception {
        SimulatedMeter meter = registeredMeter();
        jdbc.sql("UPDATE meter SET expected_push_seconds = 1 WHERE meter_id = ?")
                .param(meter.meterId())
                .update();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        assertThat(push(meter, 1, DAY).status()).isEqualTo(PushAcknowledgement.Status.ACCEPTED);
        java.time.Instant after = java.time.Instant.now();

        JsonNode alerts = awaitAlerts(new ApiClient(httpPort), meter, account(StaffRole.GRID_OPERATOR), 1);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("METER_SILENT");
        // What the silence was judged on: the time the frame was heard, written by the head-end's flush.
        assertThat(jdbc.sql("SELECT last_heard_at FROM meter WHERE meter_id = ?")
                        .param(meter.meterId())
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isBetween(before, after);
        Thread.sleep(2_500); // two more checks
        assertThat(awaitAlerts(new ApiClient(httpPort), meter, account(StaffRole.GRID_OPERATOR), 1)
                        .get(0)
                        .get("occurrences")
                        .asLong())
                .as("raised once while open")
                .isOne();
    }

    private JsonNode awaitAlerts(ApiClient api, SimulatedMeter meter, TestUser user, int occurrences) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ApiClient.Answer answer = api.get("/api/v1/alerts?subject=meter:" + meter.meterId(), user);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode alerts = answer.json();
            if ((alerts.size() > 0 && alerts.get(0).get("occurrences").asLong() >= occurrences)
                    || System.nanoTime() > deadline) {
                return alerts;
            }
            Thread.sleep(200);
        }
    }

    private static List<Byte> bytes(byte[] array) {
        List<Byte> list = new ArrayList<>(array.length);
        for (byte b : array) {
            list.add(b);
        }
        return list;
    }

    private SimulatedMeter registeredMeter() {
        return registeredMeter(MeterModels.SIMULATED_RESIDENTIAL);
    }

    private SimulatedMeter registeredMeter(String model) {
        int serial = SERIAL.incrementAndGet();
        SimulatedMeter meter = new SimulatedMeter(
                "MG-SLICE-" + serial,
                new SystemTitle(0x4D4753_00000000L | serial),
                CipheringKeys.generate(new SecureRandom()));
        meters.register(MeterId.of(meter.meterId()), meter.systemTitle(), model, meter.keys());
        return meter;
    }

    private TestUser account(StaffRole role) {
        return TestUser.trainedStaff(accounts, assignments, role);
    }

    private PushAcknowledgement push(SimulatedMeter meter, long counter, Instant day) throws IOException {
        try (HeadEndClient client = connect()) {
            return client.push(frame(meter, counter, day));
        }
    }

    private static byte[] frame(SimulatedMeter meter, long counter, Instant day) {
        return PushBuilder.frame(meter, new InvocationCounter(counter), BUILDER.profile(meter, dayOf(day)));
    }

    private static List<Instant> dayOf(Instant day) {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            starts.add(day.plus(Duration.ofMinutes(15L * i)));
        }
        return starts;
    }

    private HeadEndClient connect() throws IOException {
        return HeadEndClient.connect("127.0.0.1", headEnd.port(), Duration.ofSeconds(10));
    }

    private static String readingsOf(SimulatedMeter meter, String purpose) {
        return "/api/v1/meters/" + meter.meterId() + "/readings?from=" + DAY + "&to=" + DAY.plus(Duration.ofDays(1))
                + (purpose == null ? "" : "&purpose=" + purpose);
    }

    private long storedDays(SimulatedMeter meter) {
        return jdbc.sql("SELECT count(*) FROM interval_day WHERE meter_id = ?")
                .param(meter.meterId())
                .query(Long.class)
                .single();
    }

    /** The refusals recorded for a meter, one per frame; waits (refusals are written every two seconds). */
    private List<String> securityEvents(SimulatedMeter meter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> kinds;
        do {
            Thread.sleep(200);
            kinds = jdbc.sql("SELECT kind FROM security_event, generate_series(1, occurrences)"
                            + " WHERE system_title = ? ORDER BY id")
                    .param(meter.systemTitle().value())
                    .query(String.class)
                    .list();
        } while (kinds.size() < expected && System.nanoTime() < deadline);
        Thread.sleep(300);
        return kinds;
    }

    private List<String> auditDecisions(SimulatedMeter meter) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT actor || ' ' || decision || ' ' || purpose FROM audit_entry WHERE subject = ?"
                        + " ORDER BY seq")
                .param("meter:" + meter.meterId())
                .query(String.class)
                .list();
    }
}
