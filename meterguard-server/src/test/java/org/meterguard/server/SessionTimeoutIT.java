package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sessions end after the idle timeout without requests, and after the absolute timeout however active. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.security.idle-timeout=3s",
            "meterguard.security.absolute-timeout=8s"
        })
class SessionTimeoutIT {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-sessions").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    StaffAccounts staff;

    @Test
    void aSessionEndsAfterTheIdleTimeout() throws Exception {
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        ApiClient.Session session = api.signIn(operator);
        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);
        Thread.sleep(2_000);
        assertThat(api.get("/api/v1/me", session).status())
                .as("activity keeps it alive")
                .isEqualTo(200);
        Thread.sleep(2_000);
        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);

        Thread.sleep(3_500);

        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterTheAbsoluteTimeoutHoweverActive() throws Exception {
        TestUser operator = TestUser.staff(staff, StaffRole.GRID_OPERATOR);
        ApiClient api = new ApiClient(httpPort);
        ApiClient.Session session = api.signIn(operator);
        long deadline = System.nanoTime() + 6_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);
            Thread.sleep(1_000);
        }

        Thread.sleep(2_500);

        ApiClient.Answer expired = api.get("/api/v1/me", session);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", session).status())
                .as("and it stays ended")
                .isEqualTo(401);
    }
}
