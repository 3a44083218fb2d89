package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AccessHistory;
import org.meterguard.server.audit.AccessRecord;
import org.meterguard.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A customer's access history from the audit log: every access to the account in the period (staff by role, third
 * parties by organization, purpose, kind of basis, action, decision), nothing about other accounts or outside the
 * period, and never a member of staff's name, address or basis id; the privacy officer's endpoint shows the same
 * and records the officer's own read.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class AccessHistoryIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory =
                Files.createTempDirectory("meterguard-access-history").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccessHistory history;

    @Autowired
    StaffAccounts staff;

    @Test
    void listsEveryAccessToTheAccountWithoutStaffNames() throws Exception {
        access(
                60,
                "alice.smith",
                "CUSTOMER_SERVICE_REPRESENTATIVE",
                "read-interval-data",
                "account:A-1",
                "CUSTOMER_SERVICE",
                "REQ-9",
                "PERMIT");
        access(
                50,
                "bob.jones",
                "BILLING_ANALYST",
                "read-interval-data",
                "account:A-1",
                "BILLING",
                "work-order:WO-17",
                "PERMIT");
        access(
                40,
                "carol.white",
                "FIELD_TECHNICIAN",
                "read-interval-data",
                "account:A-1",
                "GRID_OPERATIONS",
                "",
                "DENY");
        access(
                30,
                "third-party:Acme Energy",
                "THIRD_PARTY",
                "read-interval-data",
                "account:A-1",
                "SECONDARY",
                "AUTH-7",
                "PERMIT");
        auditLog.append(new AuditEvent(
                NOW.minus(Duration.ofMinutes(25)),
                "erin.black",
                "PRIVACY_OFFICER",
                "disclose-covered-data",
                "account/A-1/INTERVAL_USAGE",
                "account:A-1",
                "SECONDARY",
                "AUTH-8",
                "PERMIT",
                "10.1.2.3",
                "to acme-energy: INTERVAL_USAGE 2026-06-02T07:00:00Z/2026-06-03T07:00:00Z HOURLY"));
        access(
                20,
                "alice.smith",
                "CUSTOMER_SERVICE_REPRESENTATIVE",
                "read-interval-data",
                "account:A-2",
                "CUSTOMER_SERVICE",
                "REQ-10",
                "PERMIT");
        access(
                60 * 24 * 40,
                "dave.old",
                "BILLING_ANALYST",
                "read-interval-data",
                "account:A-1",
                "BILLING",
                "",
                "PERMIT");

        List<AccessRecord> records = history.of("A-1", NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1), 100);

        assertThat(records)
                .extracting(r -> r.accessorKind() + " " + r.accessor() + " " + r.purpose() + " " + r.basisKind() + " "
                        + r.decision())
                .containsExactly(
                        "UTILITY_STAFF CUSTOMER_SERVICE_REPRESENTATIVE CUSTOMER_SERVICE SERVICE_REQUEST PERMIT",
                        "UTILITY_STAFF BILLING_ANALYST BILLING WORK_ORDER PERMIT",
                        "UTILITY_STAFF FIELD_TECHNICIAN GRID_OPERATIONS NONE DENY",
                        "THIRD_PARTY Acme Energy SECONDARY CUSTOMER_AUTHORIZATION PERMIT",
                        "THIRD_PARTY acme-energy SECONDARY CUSTOMER_AUTHORIZATION PERMIT");
        assertThat(records.get(0).at()).isEqualTo(NOW.minus(Duration.ofMinutes(60)));
        assertThat(records.get(0).action()).isEqualTo("read-interval-data");
        assertThat(records.get(0).resource()).isEqualTo("account/A-1/usage");
        assertThat(records.toString())
                .doesNotContain("alice", "bob", "carol", "erin", "10.1.2.3", "REQ-9", "WO-17", "AUTH-7");

        ApiClient api = new ApiClient(httpPort);
        TestUser officer = account(StaffRole.PRIVACY_OFFICER);
        String path = "/api/v1/accounts/A-1/access-history?from=" + NOW.minus(Duration.ofDays(1)) + "&to="
                + NOW.plus(Duration.ofMinutes(10));
        ApiClient.Answer answer = api.get(path, officer);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .doesNotContain("alice", "bob", "carol", "erin", officer.username(), "10.1.2.3", "REQ-9");
        JsonNode json = answer.json();
        assertThat(json).hasSize(6); // the five accesses and the officer's own read of this history
        assertThat(json.get(5).get("action").asString()).isEqualTo("read-access-history");
        assertThat(json.get(5).get("accessor").asString()).isEqualTo("PRIVACY_OFFICER");

        for (StaffRole role : List.of(
                StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE, StaffRole.SECURITY_AUDITOR, StaffRole.ADMINISTRATOR)) {
            assertThat(api.get(path, account(role)).status()).as("%s", role).isEqualTo(403);
        }
        assertThat(api.get(
                                "/api/v1/accounts/A-1/access-history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                                officer)
                        .status())
                .isEqualTo(400);
    }

    private void access(
            long minutesAgo,
            String actor,
            String role,
            String action,
            String subject,
            String purpose,
            String basis,
            String decision) {
        String account = subject.substring("account:".length());
        auditLog.append(new AuditEvent(
                NOW.minus(Duration.ofMinutes(minutesAgo)),
                actor,
                role,
                action,
                "account/" + account + "/usage",
                subject,
                purpose,
                basis,
                decision,
                "10.1.2.3",
                "read by " + actor));
    }

    private TestUser account(StaffRole role) {
        return TestUser.staff(staff, role);
    }
}
