package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign-in over real HTTP against real PostgreSQL: password then a TOTP code, each code good once, wrong
 * passwords and codes refused and audited, lockout with backoff that looks the same for names nobody holds, and
 * sign-out.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.security.lockout-threshold=3",
            "meterguard.security.lockout-base=2s",
            "meterguard.security.lockout-max=1h"
        })
class SignInIT {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-signin").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void staffSignInTakesThePasswordThenACodeAndEndsWithSignOut() throws Exception {
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        ApiClient.Session session = new ApiClient.Session();

        ApiClient.Answer password = api.signIn(session, operator.username(), operator.password());
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.json().get("next").asString()).isEqualTo("totp");
        assertThat(api.get("/api/v1/me", session).status())
                .as("the password alone does not sign a member of staff in")
                .isEqualTo(401);

        assertThat(api.signInTotp(session, operator.nextCode()).status()).isEqualTo(200);
        ApiClient.Answer me = api.get("/api/v1/me", session);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("GRID_OPERATOR");
        assertThat(me.json().get("kind").asString()).isEqualTo("STAFF");

        assertThat(api.post("/api/v1/sign-out", session).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(401);
        assertThat(actions(operator.username())).containsSubsequence("sign-in PERMIT", "sign-out PERMIT");
    }

    @Test
    void refusesAWrongPasswordAWrongCodeAndAReplayedCode() throws Exception {
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);

        assertThat(api.signIn(operator.username(), "not-the-password").status()).isEqualTo(401);

        ApiClient.Session wrongCode = new ApiClient.Session();
        api.signIn(wrongCode, operator.username(), operator.password());
        String code = operator.nextCode();
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(api.signInTotp(wrongCode, wrong).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", wrongCode).status()).isEqualTo(401);

        ApiClient.Session first = new ApiClient.Session();
        api.signIn(first, operator.username(), operator.password());
        assertThat(api.signInTotp(first, code).status()).isEqualTo(200);
        ApiClient.Session replay = new ApiClient.Session();
        api.signIn(replay, operator.username(), operator.password());
        assertThat(api.signInTotp(replay, code).status())
                .as("a code is good once")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/me", replay).status()).isEqualTo(401);

        assertThat(actions(operator.username())).contains("sign-in DENY", "sign-in PERMIT");
    }

    @Test
    void locksANameAfterRepeatedFailuresWithBackoffWhetherOrNotItExists() throws Exception {
        TestUser analyst = TestUser.staff(staff, StaffRole.BILLING_ANALYST);
        ApiClient api = new ApiClient(httpPort);
        for (String name : List.of(analyst.username(), "nobody-" + System.nanoTime())) {
            assertThat(api.signIn(name, "wrong").status()).isEqualTo(401);
            assertThat(api.signIn(name, "wrong").status()).isEqualTo(401);
            ApiClient.Answer third = api.signIn(name, "wrong");
            assertThat(third.json().get("title").asString()).isEqualTo("Sign-in locked");
            ApiClient.Answer locked = api.signIn(name, TestUser.PASSWORD);
            assertThat(locked.status()).isEqualTo(401);
            assertThat(locked.json().get("title").asString())
                    .as("while locked even the right password is refused, for a real name as for an unknown one")
                    .isEqualTo("Sign-in locked");
        }
        Thread.sleep(2_100);
        for (int i = 0; i < 3; i++) {
            api.signIn(analyst.username(), "wrong");
        }
        Thread.sleep(2_100);
        assertThat(api.signIn(analyst.username(), TestUser.PASSWORD)
                        .json()
                        .get("title")
                        .asString())
                .as("the second lockout lasts twice as long")
                .isEqualTo("Sign-in locked");
        Thread.sleep(2_100);
        assertThat(api.signIn(analyst.username(), TestUser.PASSWORD).status()).isEqualTo(200);
        assertThat(actions(analyst.username())).contains("sign-in-locked DENY");
    }

    private List<String> actions(String username) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT action || ' ' || decision FROM audit_entry WHERE subject = ? ORDER BY seq")
                .param("user:" + username)
                .query(String.class)
                .list();
    }
}
