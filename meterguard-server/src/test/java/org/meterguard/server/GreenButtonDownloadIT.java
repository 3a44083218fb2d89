package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.greenbutton.IntervalCsvReader;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.greenbutton.HistoryImport;
import org.meterguard.server.greenbutton.ImportProgress;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Green Button Download My Data over HTTP with real data in the store: staff download an account's data at the
 * customer's request as ESPI XML and as CSV; the XML validates against the Green Button schema, imports back into a
 * fresh meter through the history importer with identical values and qualities, holds nothing of the previous
 * occupant, and every download is an audited decision on {@code account:<id>}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class GreenButtonDownloadIT {
    private static final MeterId METER = MeterId.of("MG-GB-DL-1");
    private static final String ACCOUNT = "ACC-GB-1";
    /** Local midnight of 1 March 2026 in Los Angeles: the account moves in. */
    private static final Instant MOVE_IN = Instant.parse("2026-03-01T08:00:00Z");
    /** Local midnight of 1 April 2026 (daylight time). */
    private static final Instant APRIL = Instant.parse("2026-04-01T07:00:00Z");

    private static final String RANGE = "from=2026-02-01T08:00:00Z&to=2026-04-01T07:00:00Z";
    private static final Pattern SUMMARY_VALUE =
            Pattern.compile("<overallConsumptionLastPeriod>.*?<value>(\\d+)</value>", Pattern.DOTALL);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-greenbutton").toString();
        registry.add("meterguard.data-dir", () -> directory);
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
    Assignments assignments;

    @Autowired
    ServicePoints points;

    @Autowired
    Accounts accounts;

    @Autowired
    ReadingStore store;

    @Autowired
    HistoryImport importer;

    @TempDir
    Path temp;

    @BeforeEach
    void meterWithTwoOccupants() {
        if (Boolean.TRUE.equals(jdbc.sql("SELECT count(*) > 0 FROM meter WHERE meter_id = ?")
                .param(METER.value())
                .query(Boolean.class)
                .single())) {
            return;
        }
        meter(METER);
        points.create(new ServicePoint("SP-GB-1", "F-1", "NORTH", 120));
        points.install(METER, "SP-GB-1", Instant.parse("2026-01-01T08:00:00Z"));
        accounts.open(
                "ACC-GB-PREV", AccountClass.RESIDENTIAL, contact("Previous"), Instant.parse("2026-01-01T08:00:00Z"));
        accounts.moveIn("ACC-GB-PREV", "SP-GB-1", Instant.parse("2026-01-01T08:00:00Z"));
        accounts.moveOut("ACC-GB-PREV", "SP-GB-1", MOVE_IN);
        accounts.open(ACCOUNT, AccountClass.RESIDENTIAL, contact("Current"), MOVE_IN);
        accounts.moveIn(ACCOUNT, "SP-GB-1", MOVE_IN);
        for (String request : List.of("REQ-4711", "REQ-4712", "REQ-1")) {
            jdbc.sql("INSERT INTO service_request (service_request_id, account_id, opened_by) VALUES (?, ?, 'test')")
                    .params(request, ACCOUNT)
                    .update();
        }
        store.merge(METER, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, quarterHours(false));
        store.merge(METER, Channel.ACTIVE_ENERGY_EXPORT, IntervalGrid.QUARTER_HOURLY, quarterHours(true));
    }

    @Test
    void xmlDownloadValidatesAndImportsBackIntoAFreshMeterWithIdenticalValues() throws Exception {
        TestUser representative = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);

        ApiClient.Answer answer = new ApiClient(httpPort)
                .get(download("xml") + "&purpose=CUSTOMER_SERVICE&basis=REQ-4711", representative);

        assertThat(answer.status()).isEqualTo(200);
        byte[] xml = answer.body().getBytes(StandardCharsets.UTF_8);
        validate(xml);
        Path file = temp.resolve("download.xml");
        Files.write(file, xml);
        MeterId fresh = MeterId.of("MG-GB-DL-2");
        meter(fresh);
        importer.importGreenButton(file, fresh, "test", ImportProgress.NONE);
        TimeRange all = new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        TimeRange own = new TimeRange(MOVE_IN, APRIL);
        for (Channel channel : List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT)) {
            List<IntervalReading> original = store.read(METER, channel, own);
            assertThat(original).isNotEmpty();
            assertThat(store.read(fresh, channel, all)).as(channel.name()).isEqualTo(original);
        }
        long marchImport = store.read(METER, Channel.ACTIVE_ENERGY_IMPORT, own).stream()
                .mapToLong(IntervalReading::value)
                .sum();
        Matcher summary = SUMMARY_VALUE.matcher(answer.body());
        assertThat(summary.find()).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isEqualTo(marchImport);
        assertThat(summary.find())
                .as("February is the previous occupant's: no summary")
                .isFalse();
        assertThat(audited(representative)).containsExactly("PERMIT account:" + ACCOUNT);
    }

    @Test
    void csvDownloadHoldsTheSameReadingsWithLocalTimes() throws Exception {
        TestUser representative = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);

        ApiClient.Answer answer = new ApiClient(httpPort)
                .get(download("csv") + "&purpose=CUSTOMER_SERVICE&basis=REQ-4712", representative);

        assertThat(answer.status()).isEqualTo(200);
        List<IntervalReading> imported = new ArrayList<>();
        List<IntervalReading> exported = new ArrayList<>();
        new IntervalCsvReader()
                .read(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)), (m, c, g, r) -> {
                    assertThat(m).isEqualTo(METER);
                    (c == Channel.ACTIVE_ENERGY_IMPORT ? imported : exported).add(r);
                });
        TimeRange own = new TimeRange(MOVE_IN, APRIL);
        assertThat(imported).isEqualTo(store.read(METER, Channel.ACTIVE_ENERGY_IMPORT, own));
        assertThat(exported).isEqualTo(store.read(METER, Channel.ACTIVE_ENERGY_EXPORT, own));
        assertThat(answer.body()).contains(",2026-03-08T01:45:00-08:00,2026-03-08T03:00:00-07:00,");
    }

    @Test
    void downloadsWithoutAFittingPurposeOrBasisAreRefusedAndAudited() throws Exception {
        TestUser operator = account(StaffRole.GRID_OPERATOR);
        TestUser representative = account(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        ApiClient api = new ApiClient(httpPort);

        ApiClient.Answer wrongRole = api.get(download("xml") + "&purpose=CUSTOMER_SERVICE&basis=REQ-1", operator);
        ApiClient.Answer noBasis = api.get(download("xml") + "&purpose=CUSTOMER_SERVICE", representative);
        ApiClient.Answer badFormat = api.get(download("pdf") + "&purpose=CUSTOMER_SERVICE&basis=REQ-1", representative);
        ApiClient.Answer unknown = api.get(
                "/api/v1/accounts/ACC-NOBODY/greenbutton?" + RANGE + "&purpose=CUSTOMER_SERVICE&basis=REQ-1",
                representative);

        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(noBasis.status()).isEqualTo(403);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("detail").asString()).contains("format");
        assertThat(unknown.status())
                .as("no service request can name an account that does not exist")
                .isEqualTo(403);
        assertThat(audited(operator)).containsExactly("DENY account:" + ACCOUNT);
        assertThat(audited(representative)).containsExactly("DENY account:" + ACCOUNT, "DENY account:ACC-NOBODY");
    }

    private static String download(String format) {
        return "/api/v1/accounts/" + ACCOUNT + "/greenbutton?" + RANGE + "&format=" + format;
    }

    /** Quarter-hours from 20 February to 5 April (UTC days): import always, export in daylight hours only. */
    private static List<IntervalReading> quarterHours(boolean export) {
        List<IntervalReading> readings = new ArrayList<>();
        Instant end = Instant.parse("2026-04-05T00:00:00Z");
        for (Instant at = Instant.parse("2026-02-20T00:00:00Z"); at.isBefore(end); at = at.plusSeconds(900)) {
            long n = at.getEpochSecond() / 900;
            int hourUtc = (int) (at.getEpochSecond() / 3600 % 24);
            if (export && (hourUtc < 16 || hourUtc > 23)) {
                continue;
            }
            ReadingQuality quality = n % 53 == 0
                    ? ReadingQuality.ESTIMATED_REFERENCE_DAY
                    : n % 71 == 0 ? ReadingQuality.EDITED : n % 97 == 0 ? ReadingQuality.RAW : ReadingQuality.VALID;
            readings.add(new IntervalReading(at, export ? n % 300 : 40 + n % 400, quality));
        }
        return readings;
    }

    private List<String> audited(TestUser actor) {
        auditLog.awaitProjected(); // audit_entry is the journal's projection, a few milliseconds behind
        return jdbc.sql("SELECT decision || ' ' || subject FROM audit_entry WHERE actor = ? AND action = ?"
                        + " ORDER BY seq")
                .params(actor.username(), "greenbutton-download")
                .query(String.class)
                .list();
    }

    private void meter(MeterId meter) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, ?, 'MG-SIM-R1',"
                        + " 'America/Los_Angeles')")
                .params(meter.value(), (long) meter.value().hashCode() & 0xFFFF_FFFFL)
                .update();
    }

    private TestUser account(StaffRole role) {
        TestUser user = TestUser.trainedStaff(staff, assignments, role);
        if (role == StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE) {
            jdbc.sql("INSERT INTO staff_queue (username, account_id) VALUES (?, ?)")
                    .params(user.username(), ACCOUNT)
                    .update();
        }
        return user;
    }

    private static Contact contact(String name) {
        return new Contact(name, "1 Main St, Springfield", null, null);
    }

    /** Validates against the shared Green Button schema, offline; skipped with a message where it is absent. */
    private static void validate(byte[] xml) throws Exception {
        Path schema = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null && schema == null; at = at.getParent()) {
            Path candidate = at.resolve("shared/data/greenbutton/schema/greenbutton.xsd");
            schema = Files.isRegularFile(candidate) ? candidate : null;
        }
        if (schema == null) {
            Assumptions.abort("shared material missing: no shared/data/greenbutton/schema/greenbutton.xsd above "
                    + Path.of("").toAbsolutePath() + "; download not validated");
        }
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(schema.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
