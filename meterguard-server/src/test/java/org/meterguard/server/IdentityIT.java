package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Identity over real HTTP and PostgreSQL: customers see only their own accounts and their access history without
 * staff names; service accounts get scoped tokens from the authorization server; administrators manage users but
 * not their own role; a first sign-in enrolls TOTP; state-changing requests need the CSRF token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class IdentityIT {
    private static final String YEAR = "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-identity").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CustomerUsers customers;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerSeesOnlyTheirOwnAccountsAndWhoReadThemWithoutNames() throws Exception {
        openAccount("ACC-OWN-1");
        openAccount("ACC-OWN-2");
        openAccount("ACC-OTHER");
        TestUser customer = TestUser.customer(customers, "pat-" + System.nanoTime(), List.of("ACC-OWN-1", "ACC-OWN-2"));
        staffRead("jane.doe", "ACC-OWN-1", "BILLING");
        staffRead("john.roe", "ACC-OTHER", "GRID_OPERATIONS");
        ApiClient api = new ApiClient(httpPort);

        JsonNode me = api.get("/api/v1/me", customer).json();
        assertThat(me.get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(me.get("accountIds").toString()).isEqualTo("[\"ACC-OWN-1\",\"ACC-OWN-2\"]");

        ApiClient.Answer history = api.get(
                "/api/v1/me/access-history?from=" + Instant.now().minusSeconds(86_400) + "&to="
                        + Instant.now().plusSeconds(60),
                customer);
        assertThat(history.status()).isEqualTo(200);
        JsonNode billingRead = null;
        for (JsonNode access : history.json()) {
            assertThat(access.get("accountId").asString()).isIn("ACC-OWN-1", "ACC-OWN-2");
            if ("BILLING".equals(access.get("purpose").asString())) {
                billingRead = access;
            }
        }
        assertThat(billingRead).as(history.body()).isNotNull();
        assertThat(billingRead.get("accountId").asString()).isEqualTo("ACC-OWN-1");
        assertThat(billingRead.get("accessor").asString()).isEqualTo("BILLING_ANALYST");
        assertThat(history.body()).doesNotContain("jane", "john", "ACC-OTHER", "GRID_OPERATIONS");

        assertThat(api.get("/api/v1/meters/MG-ANY/readings?" + YEAR + "&purpose=BILLING", customer)
                        .status())
                .as("a customer holds no staff role")
                .isEqualTo(403);
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        assertThat(api.get("/api/v1/me/access-history?" + YEAR, operator).status())
                .isEqualTo(403);
    }

    @Test
    void aServiceTokenReachesOnlyWhatItsScopeAllows() throws Exception {
        TestUser admin = TestUser.staff(staff, StaffRole.ADMINISTRATOR);
        ApiClient api = new ApiClient(httpPort);
        JsonNode billing = api.postJson(
                        "/api/v1/service-accounts",
                        "{\"clientId\":\"billing-system\",\"role\":\"BILLING_ANALYST\",\"scopes\":[\"readings.read\"]}",
                        admin)
                .json();
        JsonNode quality = api.postJson(
                        "/api/v1/service-accounts",
                        "{\"clientId\":\"quality-board\",\"role\":\"BILLING_ANALYST\",\"scopes\":[\"vee.read\"]}",
                        admin)
                .json();
        String readings = "/api/v1/meters/MG-SVC-1/readings?" + YEAR + "&purpose=BILLING";

        String wrongScope = token(api, quality, "vee.read");
        assertThat(api.getWithToken(readings, wrongScope).status()).isEqualTo(403);
        assertThat(audited("quality-board"))
                .as("refused before any data is touched")
                .isZero();

        String rightScope = token(api, billing, "readings.read");
        ApiClient.Answer read = api.getWithToken(readings, rightScope);
        assertThat(read.status()).as(read.body()).isNotIn(401, 403).isEqualTo(404);
        assertThat(audited("billing-system"))
                .as("the read reached the policy decision point")
                .isEqualTo(1);
        assertThat(api.getWithToken("/api/v1/vee/report?from=2026-03-08&to=2026-03-08", rightScope)
                        .status())
                .isEqualTo(403);

        assertThat(api.token("billing-system", billing.get("clientSecret").asString(), "vee.read")
                        .status())
                .as("a scope the account was not registered with is not granted")
                .isEqualTo(400);
        assertThat(api.token("billing-system", "not-the-secret", "readings.read")
                        .status())
                .isEqualTo(401);
        assertThat(api.getWithToken(readings, rightScope + "x").status()).isEqualTo(401);
        assertThat(api.getWithToken(readings, rightScope).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorManagesOthersButCannotChangeTheirOwnRole() throws Exception {
        TestUser admin = TestUser.staff(staff, StaffRole.ADMINISTRATOR);
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        assertThat(api.get("/api/v1/me", operator).status()).isEqualTo(200);

        ApiClient.Answer own =
                api.putJson("/api/v1/users/" + admin.username() + "/role", "{\"role\":\"BILLING_ANALYST\"}", admin);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("separation of duties");
        assertThat(staff.find(admin.username()).orElseThrow().role()).isEqualTo(StaffRole.ADMINISTRATOR);

        ApiClient.Answer changed =
                api.putJson("/api/v1/users/" + operator.username() + "/role", "{\"role\":\"FIELD_TECHNICIAN\"}", admin);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("FIELD_TECHNICIAN");
        assertThat(api.get("/api/v1/me", operator).status())
                .as("a role change ends the user's sessions")
                .isEqualTo(401);

        assertThat(api.post("/api/v1/users/" + operator.username() + "/disable", admin)
                        .status())
                .isEqualTo(200);
        assertThat(api.signIn(operator.username(), operator.password()).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/users", operator).status()).isIn(401, 403);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject = ? AND actor = ? ORDER BY seq")
                        .params("user:" + operator.username(), admin.username())
                        .query(String.class)
                        .list())
                .containsExactly("role-changed", "user-disabled");
    }

    @Test
    void aFirstSignInEnrollsTotpAndStateChangesNeedTheCsrfToken() throws Exception {
        TestUser admin = TestUser.staff(staff, StaffRole.ADMINISTRATOR);
        ApiClient api = new ApiClient(httpPort);
        String name = "new-analyst-" + System.nanoTime();
        assertThat(api.postJson(
                                "/api/v1/users",
                                "{\"username\":\"" + name + "\",\"password\":\"a-long-initial-password\","
                                        + "\"role\":\"BILLING_ANALYST\"}",
                                admin)
                        .status())
                .isEqualTo(201);

        ApiClient.Session session = new ApiClient.Session();
        ApiClient.Answer password = api.signIn(session, name, "a-long-initial-password");
        assertThat(password.json().get("next").asString()).isEqualTo("totp-enrollment");
        ApiClient.Answer enrollment = api.post("/api/v1/sign-in/totp-enrollment", session);
        assertThat(enrollment.status()).as(enrollment.body()).isEqualTo(200);
        String uri = enrollment.json().get("otpauthUri").asString();
        assertThat(uri).startsWith("otpauth://totp/Meterguard:" + name + "?secret=");
        assertThat(api.post("/api/v1/sign-in/totp-enrollment", session).status())
                .as("a secret is issued once")
                .isEqualTo(400);
        TestUser analyst = new TestUser(name, "a-long-initial-password", java.net.URI.create(uri));
        assertThat(api.signInTotp(session, analyst.nextCode()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/vee/report?from=2026-03-08&to=2026-03-08", session)
                        .status())
                .isEqualTo(200);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'totp-enrolled' AND subject = ?")
                        .param("user:" + name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(auditLogText()).doesNotContain(uri.substring(uri.indexOf("secret=") + 7, uri.indexOf('&')));

        ApiClient.Session noCsrf = new ApiClient.Session();
        noCsrf.cookie = session.cookie;
        assertThat(api.post("/api/v1/sign-out", noCsrf).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/sign-out", session).status()).isEqualTo(204);
    }

    private String token(ApiClient api, JsonNode credentials, String scope) throws Exception {
        ApiClient.Answer answer = api.token(
                credentials.get("clientId").asString(),
                credentials.get("clientSecret").asString(),
                scope);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asString();
    }

    private long audited(String actor) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'read-interval-data'")
                .param(actor)
                .query(Long.class)
                .single();
    }

    private String auditLogText() {
        auditLog.awaitProjected();
        return String.join(
                "\n",
                jdbc.sql("SELECT actor || resource || detail FROM audit_entry")
                        .query(String.class)
                        .list());
    }

    private void openAccount(String id) {
        accounts.open(id, AccountClass.RESIDENTIAL, new Contact("Pat Example", "2 Elm St", null, null), Instant.now());
    }

    private void staffRead(String actor, String account, String purpose) {
        String role = "BILLING".equals(purpose) ? "BILLING_ANALYST" : "GRID_OPERATOR";
        auditLog.append(new AuditEvent(
                Instant.now(),
                actor,
                role,
                "read-interval-data",
                "meter/MG-1/readings",
                "account:" + account,
                purpose,
                "",
                "PERMIT",
                "10.0.0.9",
                "ACTIVE_ENERGY_IMPORT"));
    }
}
