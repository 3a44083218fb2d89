package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.AuthorizationStatus;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.consent.Disclosures;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Green Button Connect My Data end to end, with a real OAuth client ({@link ThirdPartyApp}) over HTTP against real
 * PostgreSQL: a third party in good standing gets a client; a customer signed in to the portal approves on the
 * consent screen; the code (client secret and PKCE) becomes access and refresh tokens bound to the customer
 * authorization; the ESPI resources serve exactly what it covers (its account's meter, its period, its granularity)
 * as schema-valid XML equal to the store; each release is audited and logged; and tokens die on the very next
 * request with RFC 7009 revocation, the customer's revocation in the portal, and the party's cut-off. No scope, no
 * code; no customer is offered an administrative scope.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class GreenButtonConnectIT {
    /** Five days of history, thirty days of authorization, quarter-hours. */
    private static final String QUARTER_HOURS =
            "FB=1_3_4_5_13_14_15;IntervalDuration=900;BlockDuration=daily;HistoryLength=432000;"
                    + "AuthorizationLength=2592000";

    private static final String HOURS = "FB=4_5;IntervalDuration=3600;HistoryLength=432000";
    private static final Pattern READING = Pattern.compile("<IntervalReading>(?:<ReadingQuality><quality>\\d+"
            + "</quality></ReadingQuality>)?<timePeriod><duration>(\\d+)</duration><start>(\\d+)</start></timePeriod>"
            + "<value>(-?\\d+)</value></IntervalReading>");
    private static final Pattern ENTRY = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-gbc").toString();
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
    CustomerUsers customers;

    @Autowired
    ServicePoints points;

    @Autowired
    Accounts accounts;

    @Autowired
    ReadingStore store;

    @Autowired
    Authorizations authorizations;

    @Autowired
    Disclosures disclosures;

    /** A customer with two accounts, each with its own meter and twenty days of quarter-hours up to now. */
    record Household(TestUser customer, String account, MeterId meter, String otherAccount, MeterId otherMeter) {}

    /** A third party with a client. */
    record Party(String id, TestUser officer, ThirdPartyApp app, String clientId) {}

    @Test
    void thirdPartyReceivesExactlyWhatTheCustomerApproved() throws Exception {
        Household home = household("q");
        Party party = party("q-energy", List.of(QUARTER_HOURS, HOURS));
        String cookie = new ApiClient(httpPort).signIn(home.customer()).cookie();
        String verifier = ThirdPartyApp.verifier();

        ThirdPartyApp.Answer asked = party.app().authorize(cookie, QUARTER_HOURS, "xyz-1", verifier);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).contains("/portal/connect/consent");
        ThirdPartyApp.Answer consent = party.app().browse(asked.location(), cookie);
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body())
                .contains("q-energy Inc.", "home-energy-report", "QUARTER_HOURLY", "INTERVAL_USAGE", home.account());
        ThirdPartyApp.Answer approved =
                party.app().submitConsent(consent.body(), "consent-approve", home.account(), cookie);
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        assertThat(approved.location()).startsWith(ThirdPartyApp.REDIRECT_URI);
        assertThat(approved.param("state")).isEqualTo("xyz-1");
        ThirdPartyApp.Answer exchanged = party.app().exchange(approved.param("code"), verifier);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        ThirdPartyApp.Tokens tokens = ThirdPartyApp.tokens(exchanged);

        CustomerAuthorization granted = onlyAuthorization(home.account(), party.id());
        assertThat(granted.mechanism()).isEqualTo(GrantMechanism.ONLINE);
        assertThat(granted.purpose()).isEqualTo("home-energy-report");
        assertThat(ThirdPartyApp.claims(tokens.access()).get("authorization_id").asString())
                .isEqualTo(granted.authorizationId());
        String subscription = granted.authorizationId();
        TimeRange authorized = granted.scope().usagePeriod();

        ThirdPartyApp.Answer batch =
                party.app().get("/espi/1_1/resource/Batch/Subscription/" + subscription, tokens.access());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        validate(batch.body());
        List<IntervalReading> stored = store.read(home.meter(), Channel.ACTIVE_ENERGY_IMPORT, authorized);
        assertThat(stored).hasSizeGreaterThan(400);
        assertThat(readings(batch.body(), "MeterReading/1/IntervalBlock/")).isEqualTo(values(stored));
        assertThat(count(batch.body(), "<UsagePoint "))
                .as("only the authorized account's meter")
                .isEqualTo(1);
        assertThat(readings(batch.body(), "IntervalBlock/").stream()
                        .mapToLong(r -> r.get(2))
                        .max()
                        .orElseThrow())
                .as("nothing of the other account's meter (values from 100000)")
                .isLessThan(100_000);
        assertThat(readings(batch.body(), "IntervalBlock/").stream()
                        .mapToLong(r -> r.get(1))
                        .min()
                        .orElseThrow())
                .as("nothing before the authorized period")
                .isGreaterThanOrEqualTo(authorized.from().getEpochSecond());

        Instant from = authorized.from().plus(1, ChronoUnit.DAYS);
        Instant to = from.plus(3, ChronoUnit.HOURS);
        ThirdPartyApp.Answer block = party.app()
                .get(
                        "/espi/1_1/resource/Subscription/" + subscription
                                + "/UsagePoint/1/MeterReading/1/IntervalBlock?published-min=" + from + "&published-max="
                                + to,
                        tokens.access());
        assertThat(block.status()).isEqualTo(200);
        validate(block.body());
        assertThat(block.body()).doesNotContain("<UsagePoint ", "<ReadingType ", "MeterReading/2/");
        assertThat(readings(block.body(), "IntervalBlock/"))
                .as("selected by usage time")
                .isEqualTo(values(store.read(home.meter(), Channel.ACTIVE_ENERGY_IMPORT, new TimeRange(from, to))));

        ThirdPartyApp.Answer usagePoints =
                party.app().get("/espi/1_1/resource/Subscription/" + subscription + "/UsagePoint", tokens.access());
        assertThat(usagePoints.status()).isEqualTo(200);
        validate(usagePoints.body());
        assertThat(count(usagePoints.body(), "<entry>")).isEqualTo(1);
        ThirdPartyApp.Answer readingType = party.app().get("/espi/1_1/resource/ReadingType/1", tokens.access());
        assertThat(readingType.body()).contains("<ReadingType ", "<intervalLength>900</intervalLength>");
        ThirdPartyApp.Answer authorization =
                party.app().get("/espi/1_1/resource/Authorization/" + subscription, tokens.access());
        assertThat(authorization.status()).isEqualTo(200);
        validate(authorization.body());
        assertThat(authorization.body()).contains("<status>1</status>", QUARTER_HOURS);
        ThirdPartyApp.Answer application =
                party.app().get("/espi/1_1/resource/ApplicationInformation/" + party.clientId(), tokens.access());
        assertThat(application.status()).isEqualTo(200);
        validate(application.body());

        ThirdPartyApp.Answer before = party.app()
                .get(
                        "/espi/1_1/resource/Batch/Subscription/" + subscription
                                + "?published-min=" + authorized.from().minus(10, ChronoUnit.DAYS) + "&published-max="
                                + authorized.from().minus(5, ChronoUnit.DAYS),
                        tokens.access());
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.json().get("detail").asString()).contains("outside the authorized");
        ThirdPartyApp.Answer other =
                party.app().get("/espi/1_1/resource/Batch/Subscription/auth-someone-else", tokens.access());
        assertThat(other.status()).isEqualTo(403);

        assertThat(disclosures.log(party.id(), home.account(), 100))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.basisId()).isEqualTo(subscription));
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT decision FROM audit_entry WHERE actor = ? AND action = 'disclose-covered-data'"
                                + " ORDER BY seq")
                        .param(party.id())
                        .query(String.class)
                        .list())
                .contains("PERMIT", "DENY");

        ThirdPartyApp.Answer refreshed = party.app().refresh(tokens.refresh());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        ThirdPartyApp.Tokens renewed = ThirdPartyApp.tokens(refreshed);
        assertThat(party.app()
                        .get("/espi/1_1/resource/Subscription/" + subscription + "/UsagePoint", renewed.access())
                        .status())
                .isEqualTo(200);
        assertThat(party.app().revoke(renewed.access()).status()).isEqualTo(200);
        ThirdPartyApp.Answer revoked =
                party.app().get("/espi/1_1/resource/Subscription/" + subscription + "/UsagePoint", renewed.access());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.body()).contains("Invalid token");
        assertThat(party.app().revoke(renewed.refresh()).status()).isEqualTo(200);
        assertThat(party.app().refresh(renewed.refresh()).status()).isEqualTo(400);
    }

    @Test
    void hourlyAuthorizationReceivesHourlySumsOfTheStoredQuarterHours() throws Exception {
        Household home = household("h");
        Party party = party("h-energy", List.of(HOURS));
        ThirdPartyApp.Tokens tokens = approve(home, party, HOURS);
        CustomerAuthorization granted = onlyAuthorization(home.account(), party.id());
        Instant from = granted.scope().usagePeriod().from().plus(1, ChronoUnit.DAYS);
        Instant to = from.plus(6, ChronoUnit.HOURS);

        ThirdPartyApp.Answer block = party.app()
                .get(
                        "/espi/1_1/resource/Subscription/" + granted.authorizationId()
                                + "/UsagePoint/1/MeterReading/1/IntervalBlock?published-min=" + from + "&published-max="
                                + to,
                        tokens.access());

        assertThat(block.status()).isEqualTo(200);
        validate(block.body());
        List<List<Long>> hours = readings(block.body(), "IntervalBlock/");
        assertThat(hours).hasSize(6);
        List<IntervalReading> quarters =
                store.read(home.meter(), Channel.ACTIVE_ENERGY_IMPORT, new TimeRange(from, to));
        for (int h = 0; h < 6; h++) {
            long sum = quarters.subList(4 * h, 4 * h + 4).stream()
                    .mapToLong(IntervalReading::value)
                    .sum();
            assertThat(hours.get(h)).containsExactly(3600L, from.getEpochSecond() + 3600L * h, sum);
        }
        ThirdPartyApp.Answer readingType = party.app().get("/espi/1_1/resource/ReadingType/1", tokens.access());
        assertThat(readingType.body()).contains("<intervalLength>3600</intervalLength>");
    }

    @Test
    void customerRevocationInThePortalRefusesTheTokenOnTheVeryNextRequest() throws Exception {
        Household home = household("r");
        Party party = party("r-energy", List.of(QUARTER_HOURS));
        ThirdPartyApp.Tokens tokens = approve(home, party, QUARTER_HOURS);
        String id = onlyAuthorization(home.account(), party.id()).authorizationId();
        String usagePoints = "/espi/1_1/resource/Subscription/" + id + "/UsagePoint";
        assertThat(party.app().get(usagePoints, tokens.access()).status()).isEqualTo(200);

        ApiClient.Answer revocation = new ApiClient(httpPort)
                .post("/portal/authorizations/" + id + "/revocation?account=" + home.account(), home.customer());

        assertThat(revocation.status()).isEqualTo(302);
        assertThat(authorizations.find(id).orElseThrow().statusAt(Instant.now()))
                .isEqualTo(AuthorizationStatus.REVOKED);
        ThirdPartyApp.Answer refused = party.app().get(usagePoints, tokens.access());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("revoked");
        assertThat(party.app().refresh(tokens.refresh()).status()).isEqualTo(400);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'revoke-connect-tokens' AND resource LIKE ?")
                        .param("%" + id)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("1 OAuth authorization(s)");
    }

    @Test
    void cutOffRemovesThePartysTokensAndDisablesItsClient() throws Exception {
        Household home = household("c");
        Party party = party("c-energy", List.of(QUARTER_HOURS));
        ThirdPartyApp.Tokens tokens = approve(home, party, QUARTER_HOURS);
        String id = onlyAuthorization(home.account(), party.id()).authorizationId();
        String batch = "/espi/1_1/resource/Batch/Subscription/" + id;
        assertThat(party.app().get(batch, tokens.access()).status()).isEqualTo(200);

        ApiClient.Answer cut = new ApiClient(httpPort)
                .postJson(
                        "/api/v1/third-parties/" + party.id() + "/cut-off",
                        "{\"note\":\"resold data\"}",
                        party.officer());

        assertThat(cut.status()).isEqualTo(200);
        assertThat(party.app().get(batch, tokens.access()).status()).isEqualTo(401);
        assertThat(party.app().refresh(tokens.refresh()).status()).isEqualTo(401);
        String cookie = new ApiClient(httpPort).signIn(home.customer()).cookie();
        ThirdPartyApp.Answer again = party.app().authorize(cookie, QUARTER_HOURS, "s", null);
        assertThat(again.param("error")).isEqualTo("invalid_scope");
        assertThat(again.param("error_description")).contains("disabled");
    }

    @Test
    void noScopeNoCodeAndNoAdministrativeScopeForCustomers() throws Exception {
        Household home = household("s");
        Party party = party("s-energy", List.of(QUARTER_HOURS));
        String cookie = new ApiClient(httpPort).signIn(home.customer()).cookie();

        ThirdPartyApp.Answer none = party.app().authorize(cookie, null, "s1", null);
        ThirdPartyApp.Answer admin = party.app().authorize(cookie, "readings.read", "s2", null);
        ThirdPartyApp.Answer unregistered = party.app().authorize(cookie, HOURS, "s3", null);
        ThirdPartyApp.Answer two = party.app().authorize(cookie, QUARTER_HOURS + " readings.read", "s4", null);

        for (ThirdPartyApp.Answer refused : List.of(none, admin, unregistered, two)) {
            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.location())
                    .startsWith(ThirdPartyApp.REDIRECT_URI)
                    .doesNotContain("code=");
            assertThat(refused.param("error")).isEqualTo("invalid_scope");
        }
        assertThat(none.param("error_description")).contains("exactly one scope");
        assertThat(none.param("state")).isEqualTo("s1");

        ThirdPartyApp.Answer visitor = party.app().authorize("", QUARTER_HOURS, "s5", null);
        assertThat(visitor.status()).isEqualTo(302);
        assertThat(visitor.location()).endsWith("/portal/sign-in");
        TestUser officer = party.officer();
        String staffCookie = new ApiClient(httpPort).signIn(officer).cookie();
        assertThat(party.app().authorize(staffCookie, QUARTER_HOURS, "s6", null).status())
                .isEqualTo(403);

        ThirdPartyApp.Answer asked = party.app().authorize(cookie, QUARTER_HOURS, "s7", null);
        ThirdPartyApp.Answer consent = party.app().browse(asked.location(), cookie);
        ThirdPartyApp.Answer denied = party.app().submitConsent(consent.body(), "consent-deny", null, cookie);
        assertThat(denied.param("error")).isEqualTo("access_denied");
        assertThat(authorizations.forAccount(home.account())).isEmpty();

        ThirdPartyApp.Tokens tokens = approve(home, party, QUARTER_HOURS);
        ApiClient.Answer api = new ApiClient(httpPort)
                .getWithToken(
                        "/api/v1/meters/" + home.meter().value()
                                + "/readings?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z" + "&purpose=BILLING",
                        tokens.access());
        assertThat(api.status()).as("a Connect token reaches no staff API").isEqualTo(403);
        assertThat(new ApiClient(httpPort)
                        .get("/espi/1_1/resource/ReadingType/1", home.customer())
                        .status())
                .as("a customer's session is no ESPI token")
                .isEqualTo(403);
    }

    private ThirdPartyApp.Tokens approve(Household home, Party party, String scope) throws Exception {
        String cookie = new ApiClient(httpPort).signIn(home.customer()).cookie();
        String verifier = ThirdPartyApp.verifier();
        ThirdPartyApp.Answer asked = party.app().authorize(cookie, scope, "st", verifier);
        ThirdPartyApp.Answer consent = party.app().browse(asked.location(), cookie);
        ThirdPartyApp.Answer approved =
                party.app().submitConsent(consent.body(), "consent-approve", home.account(), cookie);
        assertThat(approved.param("code")).as(approved.location()).isNotNull();
        ThirdPartyApp.Answer exchanged = party.app().exchange(approved.param("code"), verifier);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        return ThirdPartyApp.tokens(exchanged);
    }

    private CustomerAuthorization onlyAuthorization(String account, String party) {
        List<CustomerAuthorization> all = authorizations.forAccount(account).stream()
                .filter(a -> a.thirdPartyId().equals(party))
                .toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Party party(String id, List<String> scopes) throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser officer = TestUser.staff(staff, StaffRole.PRIVACY_OFFICER);
        assertThat(api.postJson(
                                "/api/v1/third-parties",
                                "{\"thirdPartyId\":\"" + id + "\",\"organization\":\"" + id
                                        + " Inc.\",\"contact\":\"privacy@" + id + ".test\"}",
                                officer)
                        .status())
                .isEqualTo(201);
        ApiClient.Answer refused =
                api.postJson("/api/v1/third-parties/" + id + "/connect-clients", registration(scopes), officer);
        assertThat(refused.status()).as("no contract, no client").isEqualTo(409);
        assertThat(api.postJson("/api/v1/third-parties/" + id + "/contracts", """
                                {"contractId":"%s-2026","terms":"Green Button Connect terms, data protection annex",
                                 "protectiveTermsConfirmed":true,"effective":"2026-01-01","expiry":"2036-01-01",
                                 "allowedPurposes":[],"primaryPurposeContractor":false}""".formatted(id), officer)
                        .status())
                .isEqualTo(201);
        ApiClient.Answer registered =
                api.postJson("/api/v1/third-parties/" + id + "/connect-clients", registration(scopes), officer);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String clientId = registered.json().get("clientId").asString();
        String secret = registered.json().get("clientSecret").asString();
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'register-connect-client' AND actor = ?")
                        .param(officer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        return new Party(id, officer, new ThirdPartyApp(httpPort, clientId, secret), clientId);
    }

    private static String registration(List<String> scopes) {
        return "{\"purpose\":\"home-energy-report\",\"scopes\":["
                + String.join(",", scopes.stream().map(s -> "\"" + s + "\"").toList())
                + "],\"redirectUris\":[\"" + ThirdPartyApp.REDIRECT_URI + "\"]}";
    }

    private Household household(String tag) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(20, ChronoUnit.DAYS);
        MeterId meter = meterWithData("MG-GBC-" + tag, start, 0);
        MeterId other = meterWithData("MG-GBC-" + tag + "-2", start, 100_000);
        String account = "ACC-GBC-" + tag;
        String otherAccount = account + "-2";
        occupy(account, meter, start);
        occupy(otherAccount, other, start);
        TestUser customer =
                TestUser.customer(customers, "gbc-" + tag + "-" + System.nanoTime(), List.of(account, otherAccount));
        return new Household(customer, account, meter, otherAccount, other);
    }

    private MeterId meterWithData(String id, Instant start, long offset) {
        MeterId meter = MeterId.of(id);
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, ?, 'MG-SIM-R1',"
                        + " 'America/Los_Angeles')")
                .params(id, (long) id.hashCode() & 0xFFFF_FFFFL)
                .update();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<IntervalReading> in = new ArrayList<>();
        List<IntervalReading> out = new ArrayList<>();
        for (Instant at = start; at.isBefore(end); at = at.plusSeconds(900)) {
            long n = at.getEpochSecond() / 900;
            in.add(new IntervalReading(
                    at, offset + 40 + n % 400, n % 53 == 0 ? ReadingQuality.EDITED : ReadingQuality.VALID));
            out.add(new IntervalReading(at, offset + n % 300, ReadingQuality.VALID));
        }
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, in);
        store.merge(meter, Channel.ACTIVE_ENERGY_EXPORT, IntervalGrid.QUARTER_HOURLY, out);
        return meter;
    }

    private void occupy(String account, MeterId meter, Instant start) {
        String point = "SP-" + meter.value();
        points.create(new ServicePoint(point, "F-1", "NORTH", 120));
        points.install(meter, point, start);
        accounts.open(
                account, AccountClass.RESIDENTIAL, new Contact("Customer " + account, "1 Main St", null, null), start);
        accounts.moveIn(account, point, start);
    }

    /** (duration, start, value) of every IntervalReading in the entries whose self link contains {@code self}. */
    private static List<List<Long>> readings(String xml, String self) {
        List<List<Long>> readings = new ArrayList<>();
        Matcher entry = ENTRY.matcher(xml);
        while (entry.find()) {
            String text = entry.group();
            if (!text.matches("(?s).*<link rel=\"self\" href=\"[^\"]*" + Pattern.quote(self) + "[^\"]*\"/>.*")) {
                continue;
            }
            Matcher reading = READING.matcher(text);
            while (reading.find()) {
                readings.add(List.of(
                        Long.parseLong(reading.group(1)),
                        Long.parseLong(reading.group(2)),
                        Long.parseLong(reading.group(3))));
            }
        }
        return readings;
    }

    private static List<List<Long>> values(List<IntervalReading> stored) {
        return stored.stream()
                .map(r -> List.of(900L, r.start().getEpochSecond(), r.value()))
                .toList();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** Validates against the shared Green Button schema; skipped with a message where it is absent. */
    private static void validate(String xml) throws Exception {
        Path schema = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null && schema == null; at = at.getParent()) {
            Path candidate = at.resolve("shared/data/greenbutton/schema/greenbutton.xsd");
            schema = Files.isRegularFile(candidate) ? candidate : null;
        }
        if (schema == null) {
            System.out.println("shared material missing: no shared/data/greenbutton/schema/greenbutton.xsd above "
                    + Path.of("").toAbsolutePath() + "; ESPI XML not validated");
            return;
        }
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(schema.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
