package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.StaffRole;
import org.meterguard.core.access.Permission;
import org.meterguard.core.access.TrainingRecord;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: every endpoint of the running application (from Spring's handler mapping, so a new
 * endpoint without an expectation here fails) × every staff role and an anonymous caller × (for covered reads) every
 * purpose, with and without the fitting basis. Each cell's status is checked against the table below, every refusal
 * carries a reason, no refused cell sees covered data, and each decision is in the audit log under the customer
 * concerned. Then the ACL, training, basis and pseudonym rules one by one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false",
            // eight roles' cells run side by side and each waits for the projection: give a loaded machine time
            "meterguard.audit.projection-wait=60s"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Instant DAY =
            TODAY.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String PERIOD = "from=" + DAY + "&to=" + DAY.plusSeconds(86_400);
    private static final TrainingRecord TRAINED = new TrainingRecord(TODAY.minusDays(30), TODAY.plusYears(1));
    private static final String METER = "MG-MX-1";
    private static final String ACCOUNT = "ACC-MX-1";
    private static final String FEEDER = "F-MX";
    private static final Map<PurposeOfUse, String> BASIS = Map.of(
            PurposeOfUse.BILLING, "B-MX-1",
            PurposeOfUse.GRID_OPERATIONS, "WO-MX-1",
            PurposeOfUse.CUSTOMER_SERVICE, "SR-MX-1",
            PurposeOfUse.CONTRACTED_PROGRAM, "PC-MX-1",
            PurposeOfUse.LEGAL_REQUIREMENT, "LD-MX-1",
            PurposeOfUse.SECONDARY, "CA-MX-1");

    /** What an endpoint is, and so what the matrix expects of it. */
    enum Kind {
        /** Open to anyone (health, errors). */
        OPEN,
        /** Any member of staff, no one's data (published tariffs). */
        SIGNED_IN,
        /** Open to no one: refused at the door for every role. */
        CLOSED,
        /** An action taking one permission: holders pass the door, others are refused there. */
        ACTION,
        /** A read of covered information, decided per role, purpose and basis. */
        COVERED,
        /** A signed-in customer's own pages and data: closed to every staff role. */
        CUSTOMER
    }

    /**
     * One row of the table.
     *
     * @param holderStatus the status a holder of the permission gets for the harmless request below
     */
    record Expectation(Kind kind, Permission permission, String method, String path, String body, int holderStatus) {}

    private static final Map<String, Expectation> TABLE = table();
    private static final Set<String> PROBLEM_FIELDS =
            Set.of("type", "title", "status", "detail", "instance", "timestamp", "error", "path", "message");

    private static Map<String, Expectation> table() {
        Map<String, Expectation> t = new LinkedHashMap<>();
        t.put("ANY /error", new Expectation(Kind.OPEN, null, "GET", "/error", null, 0));
        t.put("GET /actuator/health", new Expectation(Kind.OPEN, null, "GET", "/actuator/health", null, 0));
        t.put("GET /actuator", new Expectation(Kind.CLOSED, null, "GET", "/actuator", null, 0));
        t.put("GET /actuator/health/**", new Expectation(Kind.CLOSED, null, "GET", "/actuator/health/db", null, 0));
        action(t, "GET", "/actuator/metrics", Permission.READ_METRICS, "/actuator/metrics", null, 200);
        action(t, "GET", "/actuator/info", Permission.READ_METRICS, "/actuator/info", null, 200);
        action(
                t,
                "GET",
                "/actuator/metrics/{requiredMetricName}",
                Permission.READ_METRICS,
                "/actuator/metrics/jvm.threads.live",
                null,
                200);
        String meter = "/api/v1/meters/" + METER;
        covered(t, "/api/v1/meters/{meterId}/readings", Permission.READ_USAGE, meter + "/readings?" + PERIOD);
        covered(t, "/api/v1/meters/{meterId}/outages", Permission.READ_GRID_DATA, meter + "/outages?" + PERIOD);
        covered(t, "/api/v1/meters/{meterId}/voltage", Permission.READ_GRID_DATA, meter + "/voltage?" + PERIOD);
        covered(
                t,
                "/api/v1/accounts/{accountId}/greenbutton",
                Permission.READ_USAGE,
                "/api/v1/accounts/" + ACCOUNT + "/greenbutton?" + PERIOD);
        covered(t, "/api/v1/meters/{meterId}/diagnostics", Permission.READ_GRID_DATA, meter + "/diagnostics?" + PERIOD);
        covered(
                t,
                "/api/v1/reliability",
                Permission.READ_GRID_DATA,
                "/api/v1/reliability?area=feeder:" + FEEDER + "&" + PERIOD);
        action(t, "GET", "/api/v1/alerts", Permission.READ_ALERTS, "/api/v1/alerts", null, 200);
        action(
                t,
                "POST",
                "/api/v1/alerts/{id}/close",
                Permission.CLOSE_ALERTS,
                "/api/v1/alerts/999999/close",
                null,
                404);
        action(t, "GET", "/api/v1/retention/plan", Permission.READ_RETENTION_PLAN, "/api/v1/retention/plan", null, 200);
        action(t, "POST", "/api/v1/retention/run", Permission.RUN_RETENTION, "/api/v1/retention/run", null, 200);
        action(t, "POST", "/api/v1/meters/{meterId}/edits", Permission.EDIT_READINGS, meter + "/edits", "{}", 400);
        action(
                t,
                "POST",
                "/api/v1/meters/{meterId}/validate",
                Permission.RUN_VEE,
                meter + "/validate?channel=NO_SUCH_CHANNEL&date=" + TODAY,
                null,
                400);
        action(
                t,
                "GET",
                "/api/v1/vee/report",
                Permission.READ_VEE_REPORT,
                "/api/v1/vee/report?from=" + TODAY.minusDays(3) + "&to=" + TODAY,
                null,
                200);
        String nobody = "/api/v1/staff/nobody";
        action(
                t,
                "PUT",
                "/api/v1/staff/{username}/territories/{zone}",
                Permission.MANAGE_ASSIGNMENTS,
                nobody + "/territories/Z-NONE",
                null,
                400);
        action(
                t,
                "DELETE",
                "/api/v1/staff/{username}/territories/{zone}",
                Permission.MANAGE_ASSIGNMENTS,
                nobody + "/territories/Z-NONE",
                null,
                400);
        action(
                t,
                "PUT",
                "/api/v1/staff/{username}/queue/{accountId}",
                Permission.MANAGE_ASSIGNMENTS,
                nobody + "/queue/" + ACCOUNT,
                null,
                400);
        action(
                t,
                "DELETE",
                "/api/v1/staff/{username}/queue/{accountId}",
                Permission.MANAGE_ASSIGNMENTS,
                nobody + "/queue/" + ACCOUNT,
                null,
                400);
        action(
                t,
                "PUT",
                "/api/v1/staff/{username}/training",
                Permission.MANAGE_TRAINING,
                nobody + "/training",
                "{\"completedOn\":\"" + TODAY + "\",\"validUntil\":\"" + TODAY.plusYears(1) + "\"}",
                400);
        action(t, "POST", "/api/v1/work-orders", Permission.MANAGE_WORK_ORDERS, "/api/v1/work-orders", "{}", 400);
        action(
                t,
                "POST",
                "/api/v1/work-orders/{id}/close",
                Permission.MANAGE_WORK_ORDERS,
                "/api/v1/work-orders/WO-NONE/close",
                null,
                400);
        action(
                t,
                "POST",
                "/api/v1/service-requests",
                Permission.MANAGE_SERVICE_REQUESTS,
                "/api/v1/service-requests",
                "{}",
                400);
        action(
                t,
                "POST",
                "/api/v1/service-requests/{id}/close",
                Permission.MANAGE_SERVICE_REQUESTS,
                "/api/v1/service-requests/SR-NONE/close",
                null,
                400);
        action(t, "POST", "/api/v1/legal-demands", Permission.MANAGE_LEGAL_DEMANDS, "/api/v1/legal-demands", "{}", 400);
        for (String step : List.of("close", "notices", "contest", "resolution", "releases", "notice-permitted")) {
            action(
                    t,
                    "POST",
                    "/api/v1/legal-demands/{id}/" + step,
                    Permission.MANAGE_LEGAL_DEMANDS,
                    "/api/v1/legal-demands/LD-NONE/" + step,
                    "{}",
                    0);
        }
        action(
                t,
                "GET",
                "/api/v1/legal-demands",
                Permission.READ_LEGAL_DEMANDS,
                "/api/v1/legal-demands?year=" + TODAY.getYear(),
                null,
                200);
        action(
                t,
                "GET",
                "/api/v1/legal-demands/{id}",
                Permission.READ_LEGAL_DEMANDS,
                "/api/v1/legal-demands/LD-NONE",
                null,
                404);
        action(
                t,
                "GET",
                "/api/v1/privacy/reports/{year}",
                Permission.READ_PRIVACY_REPORT,
                "/api/v1/privacy/reports/" + (TODAY.getYear() - 1),
                null,
                200);
        action(
                t,
                "GET",
                "/staff/privacy-report",
                Permission.READ_PRIVACY_REPORT,
                "/staff/privacy-report?year=" + (TODAY.getYear() - 1),
                null,
                200);
        covered(
                t,
                "/api/v1/accounts/{accountId}/rate-comparison",
                Permission.READ_USAGE,
                "/api/v1/accounts/" + ACCOUNT + "/rate-comparison?months=1");
        t.put("GET /api/v1/rate-plans", new Expectation(Kind.SIGNED_IN, null, "GET", "/api/v1/rate-plans", null, 200));
        // Third parties, authorizations and aggregates: harmless requests; a holder gets past the door (0: any
        // answer of the controller's, a 2xx or 4xx other than 401 and 403).
        String account = "/api/v1/accounts/" + ACCOUNT;
        action(
                t,
                "POST",
                "/api/v1/aggregates/releases",
                Permission.RELEASE_AGGREGATES,
                "/api/v1/aggregates/releases",
                "{}",
                0);
        action(
                t,
                "GET",
                "/api/v1/aggregates/releases/{id}",
                Permission.READ_AGGREGATES,
                "/api/v1/aggregates/releases/999999",
                null,
                0);
        action(
                t,
                "POST",
                "/api/v1/accounts/{accountId}/signed-authorizations",
                Permission.RECORD_AUTHORIZATIONS,
                account + "/signed-authorizations",
                "{}",
                0);
        action(
                t,
                "POST",
                "/api/v1/accounts/{accountId}/signed-authorizations/{authorizationId}/revocation",
                Permission.RECORD_AUTHORIZATIONS,
                account + "/signed-authorizations/999999/revocation",
                "{}",
                0);
        action(
                t,
                "GET",
                "/api/v1/accounts/{accountId}/authorizations",
                Permission.READ_AUTHORIZATIONS,
                account + "/authorizations",
                null,
                0);
        action(
                t,
                "GET",
                "/api/v1/authorizations/reminders-due",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/authorizations/reminders-due",
                null,
                0);
        action(t, "GET", "/api/v1/disclosures", Permission.READ_THIRD_PARTIES, "/api/v1/disclosures", null, 0);
        action(t, "POST", "/api/v1/third-parties", Permission.MANAGE_THIRD_PARTIES, "/api/v1/third-parties", "{}", 0);
        action(t, "GET", "/api/v1/third-parties", Permission.READ_THIRD_PARTIES, "/api/v1/third-parties", null, 0);
        action(
                t,
                "GET",
                "/api/v1/third-parties/{id}",
                Permission.READ_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE",
                null,
                0);
        action(
                t,
                "POST",
                "/api/v1/third-parties/{id}/contracts",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/contracts",
                "{}",
                0);
        action(
                t,
                "POST",
                "/api/v1/third-parties/{id}/contracts/{contractId}/status",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/contracts/C-NONE/status",
                "{}",
                0);
        action(
                t,
                "POST",
                "/api/v1/third-parties/{id}/breaches",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/breaches",
                "{}",
                0);
        action(
                t,
                "GET",
                "/api/v1/third-parties/breaches/regulator-notices",
                Permission.READ_THIRD_PARTIES,
                "/api/v1/third-parties/breaches/regulator-notices",
                null,
                0);
        action(
                t,
                "POST",
                "/api/v1/third-parties/{id}/cut-off",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/cut-off",
                "{}",
                0);
        action(
                t,
                "POST",
                "/api/v1/third-parties/{thirdPartyId}/connect-clients",
                Permission.MANAGE_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/connect-clients",
                "{}",
                0);
        action(
                t,
                "GET",
                "/api/v1/third-parties/{thirdPartyId}/connect-clients",
                Permission.READ_THIRD_PARTIES,
                "/api/v1/third-parties/TP-NONE/connect-clients",
                null,
                0);
        // Green Button Connect's ESPI resources answer a third party's token only (GreenButtonConnectIT): closed to
        // every session, staff or customer.
        for (String espi : List.of(
                "ApplicationInformation/{clientId}",
                "Authorization/{authorization}",
                "Batch/Subscription/{subscription}",
                "LocalTimeParameters/{n}",
                "ReadingType/{n}",
                "Subscription/{subscription}/**")) {
            String path = "/espi/1_1/resource/"
                    + espi.replaceAll("\\{[a-zA-Z]+}", "1").replace("/**", "/UsagePoint");
            t.put("GET /espi/1_1/resource/" + espi, new Expectation(Kind.CLOSED, null, "GET", path, null, 0));
        }
        for (String audit : List.of(
                "/api/v1/audit/tree-head",
                "/api/v1/audit/tree-heads",
                "/api/v1/audit/proofs/inclusion",
                "/api/v1/audit/proofs/consistency",
                "/api/v1/audit/public-key",
                "/api/v1/audit/entries",
                "/api/v1/audit/export")) {
            action(t, "GET", audit, Permission.READ_AUDIT_LOG, audit, null, 0);
        }
        action(
                t,
                "GET",
                "/api/v1/accounts/{accountId}/access-history",
                Permission.READ_ACCESS_HISTORY,
                "/api/v1/accounts/" + ACCOUNT + "/access-history",
                null,
                0);
        action(t, "GET", "/api/v1/alerts/{id}", Permission.READ_ALERTS, "/api/v1/alerts/999999", null, 404);
        for (String open : List.of(
                "/api/v1/privacy/notices",
                "/api/v1/privacy/notices/current",
                "/api/v1/privacy/notices/{version}",
                "/privacy",
                "/portal/sign-in")) {
            t.put("GET " + open, new Expectation(Kind.OPEN, null, "GET", open.replace("{version}", "1"), null, 0));
        }
        // A customer's own pages and data: no staff role gets them.
        for (String own : List.of(
                "/portal",
                "/portal/accounts",
                "/portal/outages",
                "/portal/green-button",
                "/portal/green-button/download",
                "/portal/rates",
                "/portal/authorizations",
                "/portal/access-history",
                "/portal/connect/consent",
                "/api/v1/me/usage",
                "/api/v1/me/access-history")) {
            t.put("GET " + own, new Expectation(Kind.CUSTOMER, null, "GET", own, null, 0));
        }
        t.put(
                "POST /portal/authorizations",
                new Expectation(Kind.CUSTOMER, null, "POST", "/portal/authorizations", null, 0));
        t.put(
                "POST /portal/authorizations/{authorizationId}/revocation",
                new Expectation(Kind.CUSTOMER, null, "POST", "/portal/authorizations/999999/revocation", null, 0));
        // Identity: who is signed in (anyone signed in); TOTP enrollment (after the password; staff here have a
        // secret already, so they are told to ask an administrator); user and service-account administration.
        t.put("GET /api/v1/me", new Expectation(Kind.SIGNED_IN, null, "GET", "/api/v1/me", null, 200));
        t.put(
                "POST /api/v1/sign-in/totp-enrollment",
                new Expectation(Kind.SIGNED_IN, null, "POST", "/api/v1/sign-in/totp-enrollment", null, 400));
        action(t, "GET", "/api/v1/users", Permission.MANAGE_USERS, "/api/v1/users", null, 200);
        action(t, "POST", "/api/v1/users", Permission.MANAGE_USERS, "/api/v1/users", "{}", 400);
        action(
                t,
                "PUT",
                "/api/v1/users/{username}/role",
                Permission.MANAGE_USERS,
                "/api/v1/users/nobody/role",
                "{\"role\":\"GRID_OPERATOR\"}",
                0);
        action(
                t,
                "POST",
                "/api/v1/users/{username}/disable",
                Permission.MANAGE_USERS,
                "/api/v1/users/nobody/disable",
                null,
                0);
        action(
                t,
                "POST",
                "/api/v1/users/{username}/totp-reset",
                Permission.MANAGE_USERS,
                "/api/v1/users/nobody/totp-reset",
                null,
                0);
        action(t, "POST", "/api/v1/service-accounts", Permission.MANAGE_USERS, "/api/v1/service-accounts", "{}", 400);
        action(
                t,
                "POST",
                "/api/v1/privacy/notices",
                Permission.MANAGE_PRIVACY_NOTICES,
                "/api/v1/privacy/notices",
                "{}",
                0);
        action(
                t,
                "GET",
                "/api/v1/privacy/notices/log",
                Permission.MANAGE_PRIVACY_NOTICES,
                "/api/v1/privacy/notices/log",
                null,
                0);
        action(t, "GET", "/api/v1/detection/flags", Permission.MANAGE_DETECTION, "/api/v1/detection/flags", null, 200);
        action(t, "POST", "/api/v1/detection/flags", Permission.MANAGE_DETECTION, "/api/v1/detection/flags", "{}", 0);
        action(
                t,
                "DELETE",
                "/api/v1/detection/flags",
                Permission.MANAGE_DETECTION,
                "/api/v1/detection/flags?subject=meter:MG-NONE",
                null,
                0);
        action(t, "GET", "/api/v1/detection/report", Permission.MANAGE_DETECTION, "/api/v1/detection/report", null, 0);
        return t;
    }

    private static void covered(Map<String, Expectation> t, String pattern, Permission permission, String path) {
        t.put("GET " + pattern, new Expectation(Kind.COVERED, permission, "GET", path, null, 200));
    }

    private static void action(
            Map<String, Expectation> t,
            String method,
            String pattern,
            Permission permission,
            String path,
            String body,
            int holderStatus) {
        t.put(method + " " + pattern, new Expectation(Kind.ACTION, permission, method, path, body, holderStatus));
    }

    /**
     * The cells where a covered read is permitted, written out rather than asked of the policy: operators read
     * everything for operations; billing analysts usage for billing; field technicians a meter (not an area) under
     * their work order (not an account); representatives usage under the customer's service request; privacy officers usage under a
     * legal demand. Administrators and auditors read nothing.
     */
    private static boolean permitted(String endpoint, StaffRole role, PurposeOfUse purpose, boolean withBasis) {
        boolean account = endpoint.endsWith("/greenbutton") || endpoint.endsWith("/rate-comparison");
        boolean usage = endpoint.endsWith("/readings") || account;
        boolean area = endpoint.endsWith("/reliability");
        switch (role) {
            case GRID_OPERATOR:
                return purpose == PurposeOfUse.GRID_OPERATIONS;
            case BILLING_ANALYST:
                return usage && purpose == PurposeOfUse.BILLING;
            case FIELD_TECHNICIAN:
                return !area && !account && purpose == PurposeOfUse.GRID_OPERATIONS && withBasis;
            case CUSTOMER_SERVICE_REPRESENTATIVE:
                return usage && purpose == PurposeOfUse.CUSTOMER_SERVICE && withBasis;
            case PRIVACY_OFFICER:
                return usage && purpose == PurposeOfUse.LEGAL_REQUIREMENT && withBasis;
            default:
                return false;
        }
    }

    /** Which roles hold each permission, written out rather than asked of the policy. */
    private static final Map<Permission, Set<StaffRole>> HOLDERS = holders();

    private static Map<Permission, Set<StaffRole>> holders() {
        Map<Permission, Set<StaffRole>> h = new EnumMap<>(Permission.class);
        h.put(
                Permission.READ_ALERTS,
                Set.of(StaffRole.GRID_OPERATOR, StaffRole.FIELD_TECHNICIAN, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.CLOSE_ALERTS, Set.of(StaffRole.GRID_OPERATOR, StaffRole.SECURITY_AUDITOR));
        h.put(
                Permission.READ_RETENTION_PLAN,
                Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR, StaffRole.ADMINISTRATOR));
        h.put(Permission.RUN_RETENTION, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.EDIT_READINGS, Set.of(StaffRole.BILLING_ANALYST));
        h.put(Permission.RUN_VEE, Set.of(StaffRole.BILLING_ANALYST, StaffRole.GRID_OPERATOR));
        h.put(
                Permission.READ_VEE_REPORT,
                Set.of(StaffRole.BILLING_ANALYST, StaffRole.GRID_OPERATOR, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.MANAGE_ASSIGNMENTS, Set.of(StaffRole.ADMINISTRATOR));
        h.put(Permission.MANAGE_USERS, Set.of(StaffRole.ADMINISTRATOR));
        h.put(Permission.READ_METRICS, Set.of(StaffRole.ADMINISTRATOR, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.READ_THIRD_PARTIES, Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.MANAGE_THIRD_PARTIES, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.RECORD_AUTHORIZATIONS, Set.of(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE));
        h.put(
                Permission.READ_AUTHORIZATIONS,
                Set.of(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE, StaffRole.PRIVACY_OFFICER));
        h.put(Permission.READ_AGGREGATES, Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.RELEASE_AGGREGATES, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.MANAGE_PRIVACY_NOTICES, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.READ_AUDIT_LOG, Set.of(StaffRole.SECURITY_AUDITOR));
        h.put(Permission.READ_ACCESS_HISTORY, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.MANAGE_DETECTION, Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.MANAGE_TRAINING, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.MANAGE_WORK_ORDERS, Set.of(StaffRole.GRID_OPERATOR));
        h.put(Permission.MANAGE_SERVICE_REQUESTS, Set.of(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE));
        h.put(Permission.MANAGE_LEGAL_DEMANDS, Set.of(StaffRole.PRIVACY_OFFICER));
        h.put(Permission.READ_LEGAL_DEMANDS, Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR));
        h.put(Permission.READ_PRIVACY_REPORT, Set.of(StaffRole.PRIVACY_OFFICER, StaffRole.SECURITY_AUDITOR));
        return h;
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-matrix").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CustomerUsers customers;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Assignments assignments;

    @Autowired
    ServicePoints points;

    @Autowired
    Accounts accounts;

    @Autowired
    ReadingStore store;

    @Autowired
    MonthPartitions partitions;

    /** The application's controllers and the actuator's endpoints. */
    @Autowired
    List<RequestMappingInfoHandlerMapping> handlerMappings;

    private final Map<StaffRole, TestUser> users = new EnumMap<>(StaffRole.class);
    private ApiClient api;

    @BeforeAll
    void fleetAccountsAndBases() throws Exception {
        api = new ApiClient(httpPort);
        for (StaffRole role : StaffRole.values()) {
            users.put(role, user(role.name().toLowerCase(java.util.Locale.ROOT) + "-mx", role));
        }
        meterAt(METER, "SP-MX-1", FEEDER, "Z-MX");
        customer(ACCOUNT, "SP-MX-1", DAY.minusSeconds(86_400 * 30));
        usage(METER);
        partitions.ensure(MonthPartitions.Table.METER_EVENT, List.of(LocalDate.ofInstant(DAY, ZoneOffset.UTC)));
        event(METER, DAY.plusSeconds(3600), 1);
        event(METER, DAY.plusSeconds(3600 + 1800), 2);
        for (StaffRole role : StaffRole.values()) {
            assertThat(call(
                                    "PUT",
                                    "/api/v1/staff/" + users.get(role).username() + "/training",
                                    training(TRAINED),
                                    StaffRole.PRIVACY_OFFICER)
                            .status())
                    .isEqualTo(204);
        }
        assertThat(call(
                                "PUT",
                                "/api/v1/staff/"
                                        + users.get(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE)
                                                .username() + "/queue/" + ACCOUNT,
                                null,
                                StaffRole.ADMINISTRATOR)
                        .status())
                .isEqualTo(204);
        assertThat(workOrder(
                                "WO-MX-1",
                                METER,
                                users.get(StaffRole.FIELD_TECHNICIAN).username())
                        .status())
                .isEqualTo(201);
        assertThat(serviceRequest("SR-MX-1", ACCOUNT, StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE)
                        .status())
                .isEqualTo(201);
        assertThat(call(
                                "POST",
                                "/api/v1/legal-demands",
                                "{\"id\":\"LD-MX-1\",\"kind\":\"COURT_ORDER\",\"issuer\":\"Superior Court\","
                                        + "\"receivedOn\":\"" + TODAY.minusDays(1) + "\",\"accountId\":\"" + ACCOUNT
                                        + "\",\"categories\":[\"INTERVAL_USAGE\"],\"usageFrom\":\""
                                        + TODAY.minusYears(2) + "\",\"usageThrough\":\"" + TODAY.plusMonths(2)
                                        + "\"}",
                                StaffRole.PRIVACY_OFFICER)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void everyEndpointOfTheRunningApplicationHasAnExpectation() {
        assertThat(endpoints()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void coveredReadsFollowTheTableForEveryRolePurposeAndBasisAndEachIsAuditedPerCustomer() throws Exception {
        // One thread per role: each role's cells run in order (its audit counts are its own), the roles side by side.
        ExecutorService roles = Executors.newFixedThreadPool(StaffRole.values().length);
        try {
            List<Future<Integer>> permits = new ArrayList<>();
            for (StaffRole role : StaffRole.values()) {
                permits.add(roles.submit(() -> coveredCellsOf(role)));
            }
            int permitted = 0;
            for (Future<Integer> count : permits) {
                try {
                    permitted += count.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
            assertThat(permitted).as("permitted cells").isEqualTo(2 * 7 + 2 * 3 + 4 + 3 + 3);
        } finally {
            roles.shutdownNow();
        }
    }

    /** Every covered endpoint × purpose × with and without basis for {@code role}; returns the permitted cells. */
    private int coveredCellsOf(StaffRole role) throws Exception {
        int permits = 0;
        for (String endpoint : endpoints()) {
            Expectation expected = expectation(endpoint);
            if (expected.kind() != Kind.COVERED) {
                continue;
            }
            String subject = endpoint.endsWith("/reliability") ? "area:feeder:" + FEEDER : "account:" + ACCOUNT;
            for (PurposeOfUse purpose : PurposeOfUse.values()) {
                for (boolean withBasis : new boolean[] {false, true}) {
                    String path =
                            expected.path() + "&purpose=" + purpose + (withBasis ? "&basis=" + BASIS.get(purpose) : "");
                    String cell = role + " " + endpoint + " " + purpose + (withBasis ? " with basis" : "");
                    long before = audited(users.get(role).username(), subject);
                    ApiClient.Answer answer = call("GET", path, null, role);
                    boolean permit = permitted(endpoint, role, purpose, withBasis);
                    if (permit && endpoint.endsWith("/rate-comparison")) {
                        // Past the decision, the comparison may find no plan or month to compare for this data.
                        assertThat(answer.status()).as(cell).isIn(200, 404);
                    } else {
                        assertThat(answer.status()).as(cell).isEqualTo(permit ? 200 : 403);
                    }
                    if (permit) {
                        permits++;
                        assertCoveredData(endpoint, answer, cell);
                    } else {
                        assertRefusedWithReason(answer, cell);
                    }
                    assertThat(audited(users.get(role).username(), subject))
                            .as(cell)
                            .isEqualTo(before + 1);
                    assertThat(lastDecision(users.get(role).username(), subject))
                            .as(cell)
                            .isEqualTo(permit ? "PERMIT" : "DENY");
                }
            }
        }
        return permits;
    }

    @Test
    void actionsAreOpenOnlyToTheRolesHoldingTheirPermissionAndEveryRefusalIsReasonedAndAudited() throws Exception {
        for (String endpoint : endpoints()) {
            Expectation expected = expectation(endpoint);
            if (expected.kind() == Kind.OPEN || expected.kind() == Kind.COVERED) {
                continue;
            }
            for (StaffRole role : StaffRole.values()) {
                String cell = role + " " + endpoint;
                long before = refusedAtTheDoor(users.get(role).username());
                ApiClient.Answer answer = call(expected.method(), expected.path(), expected.body(), role);
                if (expected.kind() == Kind.CLOSED || expected.kind() == Kind.CUSTOMER) {
                    assertThat(answer.status()).as(cell).isEqualTo(403);
                    assertRefusedWithReason(answer, cell);
                    assertThat(refusedAtTheDoor(users.get(role).username()))
                            .as(cell)
                            .isEqualTo(before + 1);
                } else if (expected.kind() == Kind.SIGNED_IN
                        || HOLDERS.get(expected.permission()).contains(role)) {
                    if (expected.holderStatus() == 0) {
                        assertThat(answer.status()).as(cell).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(answer.status()).as(cell).isEqualTo(expected.holderStatus());
                    }
                    assertThat(refusedAtTheDoor(users.get(role).username()))
                            .as(cell)
                            .isEqualTo(before);
                } else {
                    assertThat(answer.status()).as(cell).isEqualTo(403);
                    assertRefusedWithReason(answer, cell);
                    assertThat(answer.json().get("detail").asString())
                            .as(cell)
                            .contains(role.name(), expected.permission().name());
                    assertThat(refusedAtTheDoor(users.get(role).username()))
                            .as(cell)
                            .isEqualTo(before + 1);
                }
            }
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhereButTheOpenEndpoints() throws Exception {
        for (String endpoint : endpoints()) {
            Expectation expected = expectation(endpoint);
            String path =
                    expected.kind() == Kind.COVERED ? expected.path() + "&purpose=GRID_OPERATIONS" : expected.path();
            ApiClient.Answer answer = api.request(expected.method(), path, expected.body(), null);
            if (expected.kind() == Kind.OPEN) {
                assertThat(answer.status()).as(endpoint).isNotIn(401, 403);
            } else if (expected.kind() == Kind.CUSTOMER && expected.method().equals("GET")) {
                // a portal page sends a browser to its sign-in page; the API answers 401
                assertThat(answer.status()).as(endpoint).isIn(302, 401);
                assertNoCoveredData(answer, endpoint);
            } else {
                // 401; a form post without its CSRF token is refused before sign-in is asked for (403).
                assertThat(answer.status()).as(endpoint).isIn(401, 403);
                assertNoCoveredData(answer, endpoint);
            }
        }
    }

    @Test
    void everyPermissionStillNeedsTheSecondFactor() throws Exception {
        TestUser administrator = user("administrator-half", StaffRole.ADMINISTRATOR);
        TestUser auditor = user("auditor-half", StaffRole.SECURITY_AUDITOR);
        for (TestUser half : List.of(administrator, auditor)) {
            ApiClient.Session session = new ApiClient.Session();
            assertThat(api.signIn(session, half.username(), half.password()).status())
                    .isEqualTo(200);
            for (String path : List.of("/api/v1/users", "/api/v1/audit/tree-head", "/actuator/metrics")) {
                ApiClient.Answer answer = api.get(path, session);
                assertThat(answer.status()).as(half + " " + path).isEqualTo(401);
                assertThat(answer.json().get("title").asString()).isEqualTo("Second factor required");
            }
        }
    }

    @Test
    void aCustomerReachesTheirOwnPagesAndDataAndNoStaffEndpoint() throws Exception {
        TestUser customer = TestUser.customer(customers, "customer-mx", List.of(ACCOUNT));
        for (String endpoint : endpoints()) {
            Expectation expected = expectation(endpoint);
            if (endpoint.equals("POST /api/v1/sign-in/totp-enrollment")) {
                continue; // a customer may enrol a second factor; doing so here would end this session's sign-in
            }
            String path =
                    expected.kind() == Kind.COVERED ? expected.path() + "&purpose=CUSTOMER_SERVICE" : expected.path();
            ApiClient.Answer answer = api.request(expected.method(), path, expected.body(), customer);
            String cell = "CUSTOMER " + endpoint;
            if (expected.kind() == Kind.OPEN) {
                assertThat(answer.status()).as(cell).isNotIn(401, 403);
            } else if (expected.kind() == Kind.CUSTOMER || expected.kind() == Kind.SIGNED_IN) {
                assertThat(answer.status()).as(cell).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(answer.status()).as(cell).isEqualTo(403);
                assertRefusedWithReason(answer, cell);
            }
        }
        auditLog.awaitProjected();
        assertThat(jdbc.sql(
                                "SELECT DISTINCT action FROM audit_entry WHERE actor = ? AND subject = ? AND decision = 'DENY'")
                        .params(customer.username(), "account:" + ACCOUNT)
                        .query(String.class)
                        .list())
                .as("the customer's covered reads through staff endpoints, refused and audited")
                .contains("read-interval-data", "read-outages");
    }

    @Test
    void anAreaReadShowsStableKeyedPseudonymsInsteadOfMeterIds() throws Exception {
        String path = "/api/v1/reliability?area=feeder:" + FEEDER + "&" + PERIOD + "&purpose=GRID_OPERATIONS";
        JsonNode first = call("GET", path, null, StaffRole.GRID_OPERATOR).json();
        JsonNode second = call("GET", path, null, StaffRole.GRID_OPERATOR).json();

        String pseudonym = first.get("outages").get(0).get("meterId").asString();
        assertThat(pseudonym).matches("pm-[0-9a-f]{24}");
        assertThat(second.get("outages").get(0).get("meterId").asString()).isEqualTo(pseudonym);
        assertThat(first.toString()).doesNotContain(METER, ACCOUNT);
        assertThat(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(("meter:" + METER).getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .doesNotStartWith(pseudonym.substring(3));
    }

    @Test
    void staffWhoseTrainingExpiredReadNoCoveredInformationAndAreToldWhy() throws Exception {
        TestUser operator = user("operator-expired", StaffRole.GRID_OPERATOR);
        assignments.recordTraining(
                operator.username(), new TrainingRecord(TODAY.minusYears(2), TODAY.minusDays(1)), "test");
        TestUser untrained = user("operator-untrained", StaffRole.GRID_OPERATOR);
        String path = "/api/v1/meters/" + METER + "/readings?" + PERIOD + "&purpose=GRID_OPERATIONS";

        ApiClient.Answer expired = api.get(path, operator);
        ApiClient.Answer never = api.get(path, untrained);

        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("detail").asString()).contains("expired on " + TODAY.minusDays(1));
        assertThat(never.status()).isEqualTo(403);
        assertThat(never.json().get("detail").asString()).contains("no privacy training");
        assertThat(lastDecision(operator.username(), "account:" + ACCOUNT)).isEqualTo("DENY");
    }

    @Test
    void representativeReadsAnAccountOfTheirTerritoryOnlyUnderThatAccountsOwnServiceRequest() throws Exception {
        meterAt("MG-MX-T", "SP-MX-T", "F-MX-T", "Z-TERRITORY");
        customer("ACC-MX-T", "SP-MX-T", DAY.minusSeconds(86_400 * 30));
        TestUser csr = user("csr-territory", StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        assignments.recordTraining(csr.username(), TRAINED, "test");
        String territory = "/api/v1/staff/" + csr.username() + "/territories/Z-TERRITORY";
        String path = "/api/v1/meters/MG-MX-T/readings?" + PERIOD + "&purpose=CUSTOMER_SERVICE&basis=";

        ApiClient.Answer outside = api.get(path + "SR-MX-1", csr);
        assertThat(call("PUT", territory, null, StaffRole.ADMINISTRATOR).status())
                .isEqualTo(204);
        assertThat(api.request(
                                "POST",
                                "/api/v1/service-requests",
                                "{\"id\":\"SR-MX-T\",\"accountId\":\"ACC-MX-T\"}",
                                csr)
                        .status())
                .isEqualTo(201);
        ApiClient.Answer othersRequest = api.get(path + "SR-MX-1", csr);
        ApiClient.Answer ownRequest = api.get(path + "SR-MX-T", csr);
        assertThat(call("DELETE", territory, null, StaffRole.ADMINISTRATOR).status())
                .isEqualTo(204);
        ApiClient.Answer withdrawn = api.get(path + "SR-MX-T", csr);

        assertThat(outside.status()).isEqualTo(403);
        assertThat(othersRequest.status()).isEqualTo(403);
        assertThat(othersRequest.json().get("detail").asString()).contains("SR-MX-1", "does not cover");
        assertThat(ownRequest.status()).isEqualTo(200);
        assertThat(withdrawn.status()).isEqualTo(403);
        assertThat(withdrawn.json().get("detail").asString()).contains("queue or territory");
        assertThat(api.request(
                                "POST",
                                "/api/v1/service-requests",
                                "{\"id\":\"SR-MX-T2\",\"accountId\":\"ACC-MX-T\"}",
                                csr)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aWorkOrderServesOnlyItsTechnicianOnlyItsMeterAndOnlyWhileOpen() throws Exception {
        meterAt("MG-MX-W", "SP-MX-W", "F-MX-W", "Z-MX");
        TestUser other = user("technician-other", StaffRole.FIELD_TECHNICIAN);
        assignments.recordTraining(other.username(), TRAINED, "test");
        TestUser technician = users.get(StaffRole.FIELD_TECHNICIAN);
        assertThat(workOrder("WO-MX-W", "MG-MX-W", technician.username()).status())
                .isEqualTo(201);
        String voltage = "/voltage?" + PERIOD + "&purpose=GRID_OPERATIONS&basis=";

        ApiClient.Answer someoneElses = api.get("/api/v1/meters/MG-MX-W" + voltage + "WO-MX-W", other);
        ApiClient.Answer otherMeter = api.get("/api/v1/meters/" + METER + voltage + "WO-MX-W", technician);
        ApiClient.Answer open = api.get("/api/v1/meters/MG-MX-W" + voltage + "WO-MX-W", technician);
        assertThat(call("POST", "/api/v1/work-orders/WO-MX-W/close", null, StaffRole.GRID_OPERATOR)
                        .status())
                .isEqualTo(200);
        ApiClient.Answer closed = api.get("/api/v1/meters/MG-MX-W" + voltage + "WO-MX-W", technician);

        assertThat(someoneElses.status()).isEqualTo(403);
        assertThat(someoneElses.json().get("detail").asString()).contains("not assigned to you");
        assertThat(otherMeter.status()).isEqualTo(403);
        assertThat(open.status()).isEqualTo(200);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.json().get("detail").asString()).contains("no longer open");
        assertThat(lastDecision(technician.username(), "meter:MG-MX-W")).isEqualTo("DENY");
    }

    @Test
    void aReadAcrossAMoveIsAuditedOncePerCustomerConcernedAndNeverUnderTheMeter() throws Exception {
        meterAt("MG-MX-M", "SP-MX-M", "F-MX-M", "Z-MX");
        customer("ACC-MX-OUT", "SP-MX-M", DAY.minusSeconds(86_400 * 30));
        accounts.moveOut("ACC-MX-OUT", "SP-MX-M", DAY.plusSeconds(12 * 3600));
        customer("ACC-MX-IN", "SP-MX-M", DAY.plusSeconds(12 * 3600));
        TestUser operator = users.get(StaffRole.GRID_OPERATOR);

        ApiClient.Answer day =
                api.get("/api/v1/meters/MG-MX-M/readings?" + PERIOD + "&purpose=GRID_OPERATIONS", operator);
        ApiClient.Answer morning = api.get(
                "/api/v1/meters/MG-MX-M/readings?from=" + DAY + "&to=" + DAY.plusSeconds(6 * 3600)
                        + "&purpose=GRID_OPERATIONS",
                operator);

        assertThat(day.status()).isEqualTo(200);
        assertThat(morning.status()).isEqualTo(200);
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT subject FROM audit_entry WHERE resource = 'meter/MG-MX-M/readings' ORDER BY seq")
                        .query(String.class)
                        .list())
                .containsExactly("account:ACC-MX-IN", "account:ACC-MX-OUT", "account:ACC-MX-OUT");
    }

    @Test
    void everyChangeToTheAccessRegistersIsAudited() {
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action || ' ' || subject FROM audit_entry WHERE purpose = 'ADMINISTRATION'"
                                + " AND decision = 'EXECUTED'")
                        .query(String.class)
                        .list())
                .contains(
                        "record-training user:"
                                + users.get(StaffRole.GRID_OPERATOR).username(),
                        "assign-account account:" + ACCOUNT,
                        "open-work-order meter:" + METER,
                        "open-service-request account:" + ACCOUNT,
                        "register-legal-demand account:" + ACCOUNT);
    }

    // --- helpers ---

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        List<RequestMappingInfo> infos = new ArrayList<>();
        handlerMappings.forEach(
                mapping -> infos.addAll(mapping.getHandlerMethods().keySet()));
        for (RequestMappingInfo info : infos) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(m -> endpoints.add(m + " " + pattern));
            }
        }
        return endpoints;
    }

    private static Expectation expectation(String endpoint) {
        Expectation expected = TABLE.get(endpoint);
        assertThat(expected)
                .as("an expectation for " + endpoint + " in the matrix")
                .isNotNull();
        return expected;
    }

    private static void assertCoveredData(String endpoint, ApiClient.Answer answer, String cell) {
        if (endpoint.endsWith("/greenbutton")) {
            assertThat(answer.body()).as(cell).contains("IntervalReading");
        } else if (endpoint.endsWith("/readings")) {
            assertThat(answer.json().get("readings")).as(cell).hasSize(96);
        } else if (endpoint.endsWith("/outages")) {
            assertThat(answer.json()).as(cell).hasSize(1);
        } else if (endpoint.endsWith("/reliability")) {
            assertThat(answer.json().get("outages")).as(cell).hasSize(1);
            assertThat(answer.body()).as(cell).doesNotContain(METER);
        }
    }

    /** A refusal is a problem (or error) document and nothing else: no field of it can carry covered data. */
    private static void assertNoCoveredData(ApiClient.Answer answer, String cell) {
        if (answer.body().isBlank()) {
            return;
        }
        JsonNode json = answer.json();
        assertThat(json.isObject()).as(cell).isTrue();
        assertThat(json.propertyNames()).as(cell).isSubsetOf(PROBLEM_FIELDS);
    }

    private static void assertRefusedWithReason(ApiClient.Answer answer, String cell) {
        assertNoCoveredData(answer, cell);
        JsonNode detail = answer.json().get("detail");
        assertThat(detail).as(cell).isNotNull();
        assertThat(detail.asString()).as(cell).isNotBlank();
    }

    private ApiClient.Answer call(String method, String path, String body, StaffRole role) throws Exception {
        return api.request(method, path, body, users.get(role));
    }

    private ApiClient.Answer workOrder(String id, String meter, String technician) throws Exception {
        return call(
                "POST",
                "/api/v1/work-orders",
                "{\"id\":\"" + id + "\",\"meterId\":\"" + meter + "\",\"assignedTo\":\"" + technician
                        + "\",\"reason\":\"voltage complaint\"}",
                StaffRole.GRID_OPERATOR);
    }

    private ApiClient.Answer serviceRequest(String id, String account, StaffRole role) throws Exception {
        return call(
                "POST", "/api/v1/service-requests", "{\"id\":\"" + id + "\",\"accountId\":\"" + account + "\"}", role);
    }

    private static String training(TrainingRecord training) {
        return "{\"completedOn\":\"" + training.completedOn() + "\",\"validUntil\":\"" + training.validUntil() + "\"}";
    }

    private TestUser user(String username, StaffRole role) {
        return TestUser.staff(staff, username, role);
    }

    private long audited(String actor, String subject) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND subject = ?")
                .params(actor, subject)
                .query(Long.class)
                .single();
    }

    private String lastDecision(String actor, String subject) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT decision FROM audit_entry WHERE actor = ? AND subject = ? ORDER BY seq DESC LIMIT 1")
                .params(actor, subject)
                .query(String.class)
                .single();
    }

    private long refusedAtTheDoor(String actor) {
        auditLog.awaitProjected();
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'request' AND decision = 'DENY'")
                .param(actor)
                .query(Long.class)
                .single();
    }

    private void meterAt(String meter, String point, String feeder, String zone) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
        points.create(new ServicePoint(point, feeder, zone, 120));
        points.install(MeterId.of(meter), point, DAY.minusSeconds(86_400 * 100));
        usage(meter);
    }

    private void customer(String account, String point, Instant moveIn) {
        accounts.open(account, AccountClass.RESIDENTIAL, new Contact("A. Customer", "1 Main St", null, null), moveIn);
        accounts.moveIn(account, point, moveIn);
    }

    private void usage(String meter) {
        if (jdbc.sql("SELECT count(*) FROM interval_day WHERE meter_id = ?")
                        .param(meter)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            readings.add(new IntervalReading(DAY.plusSeconds(900L * i), 100 + i, ReadingQuality.RAW));
        }
        store.merge(MeterId.of(meter), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);
    }

    private void event(String meter, Instant at, int code) {
        jdbc.sql("INSERT INTO meter_event (meter_id, occurred_at, event_log, code) VALUES (?, ?, '0.0.99.98.0.255', ?)")
                .params(meter, Timestamp.from(at), code)
                .update();
    }
}
