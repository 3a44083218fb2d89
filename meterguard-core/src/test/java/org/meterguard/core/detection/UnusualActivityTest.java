package org.meterguard.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnusualActivityTest {
    private static final ZoneId ZONE = NormalDay.ZONE;
    /** Tuesday 10:00 in Los Angeles. */
    private static final Instant TUESDAY_10 =
            LocalDate.of(2026, 6, 2).atTime(10, 0).atZone(ZONE).toInstant();

    private static final String CSR = "CUSTOMER_SERVICE_REPRESENTATIVE";
    private static final String HONEYTOKEN = "account:A-HONEY";
    private static final String VIP = "account:A-VIP";

    private final DetectionSettings settings = DetectionSettings.defaults(ZONE);
    private final ThirdPartyGrant grant = new ThirdPartyGrant(
            "AUTH-1",
            "solarco",
            Set.of("account:A-1"),
            TUESDAY_10.minus(Duration.ofDays(30)),
            TUESDAY_10.plusSeconds(7200));

    private UnusualActivity detector() {
        return new UnusualActivity(
                settings,
                FlaggedSubjects.of(Map.of(HONEYTOKEN, FlagKind.HONEYTOKEN, VIP, FlagKind.VIP)),
                ThirdPartyGrants.of(Map.of("AUTH-1", grant)));
    }

    private Script script() {
        return new Script(detector(), TUESDAY_10);
    }

    @Test
    void aNormalWeekOfStaffTrafficRaisesNothing() {
        UnusualActivity detector = detector();
        long seq = 0;
        int records = 0;
        for (int d = 0; d < 5; d++) {
            List<AccessRecord> day = NormalDay.of(d, LocalDate.of(2026, 6, 1).plusDays(d), seq);
            seq += day.size();
            records += day.size();
            for (AccessRecord record : day) {
                assertThat(detector.observe(record).findings())
                        .as(record.toString())
                        .isEmpty();
            }
        }
        assertThat(records).as("a realistic volume").isGreaterThan(3_000);
    }

    @Test
    void aRepresentativeReadingManyCustomersWithinAnHourIsBulkAccess() {
        Script script = script();
        for (int i = 0; i < 30; i++) {
            script.read("mallory", CSR, "account:A-" + i, "CUSTOMER_SERVICE", "REQ-" + i)
                    .advance(Duration.ofMinutes(1));
        }
        List<Finding> bulk = script.findings(FindingKind.BULK_ACCESS);
        assertThat(bulk).hasSize(1);
        assertThat(bulk.get(0).subject()).isEqualTo("user:mallory");
        assertThat(bulk.get(0).evidence()).hasSize(25).first().isEqualTo(Evidence.auditEntry(0));
        assertThat(script.findings()).allMatch(f -> f.kind() == FindingKind.BULK_ACCESS);
    }

    @Test
    void readsSpreadOverHoursOrRepeatingOneCustomerAreNotBulk() {
        Script script = script();
        for (int i = 0; i < 40; i++) {
            script.read("alice", CSR, "account:A-" + i, "CUSTOMER_SERVICE", "REQ-" + i)
                    .advance(Duration.ofMinutes(6));
            script.read("bob", CSR, "account:A-7", "CUSTOMER_SERVICE", "REQ-7");
        }
        assertThat(script.findings()).isEmpty();
    }

    @Test
    void bulkThresholdFollowsTheUsersOwnAndTheirPeersBaselines() {
        UnusualActivity detector = detector();
        List<HourlyCount> history = new ArrayList<>();
        for (int h = 0; h < 20; h++) {
            Instant hour = TUESDAY_10.minus(Duration.ofHours(24 + h));
            history.add(new HourlyCount("busy", "GRID_OPERATOR", hour, 20));
            history.add(new HourlyCount("peer1", "GRID_OPERATOR", hour, 10));
            history.add(new HourlyCount("peer2", "GRID_OPERATOR", hour, 12));
        }
        detector.baselines(Baselines.of(history));

        assertThat(detector.bulkThreshold("busy", "GRID_OPERATOR"))
                .as("3 x own 20")
                .isEqualTo(60);
        assertThat(detector.bulkThreshold("peer1", "GRID_OPERATOR"))
                .as("3 x peers' 16")
                .isEqualTo(48);
        assertThat(detector.bulkThreshold("newcomer", "GRID_OPERATOR"))
                .as("3 x peers' 14")
                .isEqualTo(42);
        assertThat(detector.bulkThreshold("nobody", "BILLING_ANALYST"))
                .as("the minimum")
                .isEqualTo(25);

        Script script = new Script(detector, TUESDAY_10);
        for (int i = 0; i < 45; i++) {
            script.read("busy", "GRID_OPERATOR", "meter:MG-" + i, "GRID_OPERATIONS", "");
            script.read("newcomer", "GRID_OPERATOR", "meter:MG-" + i, "GRID_OPERATIONS", "");
        }
        assertThat(script.findings(FindingKind.BULK_ACCESS))
                .extracting(Finding::subject)
                .containsExactly("user:newcomer");
    }

    @Test
    void aCustomerReadOverAndOverWithinTheHourIsOneTouch() {
        Script script = script();
        for (int i = 0; i < 30; i++) {
            script.read("cust-1", "CUSTOMER", "account:A-1", "CUSTOMER_OWN_ACCESS", "");
        }
        script.read("cust-1", "CUSTOMER", "account:A-2", "CUSTOMER_OWN_ACCESS", "");
        script.advance(Duration.ofHours(1)).read("cust-1", "CUSTOMER", "account:A-1", "CUSTOMER_OWN_ACCESS", "");

        assertThat(script.observations().stream().flatMap(o -> o.touch().stream()))
                .extracting(Touch::subject, Touch::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("account:A-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("account:A-2", 30L),
                        org.assertj.core.groups.Tuple.tuple("account:A-1", 31L));
    }

    @Test
    void bulkWindowsSurviveARestartThroughTheirTouches() {
        Script before = script();
        for (int i = 0; i < 20; i++) {
            before.read("mallory", CSR, "account:A-" + i, "CUSTOMER_SERVICE", "REQ-" + i);
        }
        List<Touch> touches =
                before.observations().stream().flatMap(o -> o.touch().stream()).toList();
        assertThat(touches).hasSize(20);

        UnusualActivity restarted = detector();
        restarted.restore(touches, List.of());
        Script after = new Script(restarted, TUESDAY_10.plusSeconds(600));
        for (int i = 20; i < 25; i++) {
            after.read("mallory", CSR, "account:A-" + i, "CUSTOMER_SERVICE", "REQ-" + i);
        }
        assertThat(after.findings(FindingKind.BULK_ACCESS)).singleElement().satisfies(f -> assertThat(f.evidence())
                .hasSize(25));
    }

    @Test
    void staffReadsOutsideWorkingHoursAreFlaggedExceptForTheControlRoom() {
        Instant saturday = LocalDate.of(2026, 6, 6).atTime(11, 0).atZone(ZONE).toInstant();
        Instant lateTuesday =
                LocalDate.of(2026, 6, 2).atTime(22, 30).atZone(ZONE).toInstant();
        Script script = script();
        script.at(saturday).read("billing0", "BILLING_ANALYST", "account:A-1", "BILLING", "");
        script.at(lateTuesday).read("billing0", "BILLING_ANALYST", "account:A-2", "BILLING", "");
        script.at(lateTuesday).read("operator0", "GRID_OPERATOR", "meter:MG-2", "GRID_OPERATIONS", "");
        script.at(TUESDAY_10).read("billing0", "BILLING_ANALYST", "account:A-3", "BILLING", "");
        // Not staff: a customer at their own account at night, a third party fetching it on their authorization.
        script.at(saturday).read("cust-1", "CUSTOMER", "account:A-1", "CUSTOMER_OWN_ACCESS", "");
        script.at(lateTuesday).read("tp-1", "THIRD_PARTY", "account:A-1", "CONTRACTED_PROGRAM", "contract:C-1");

        assertThat(script.findings(FindingKind.OFF_HOURS_ACCESS))
                .extracting(f -> f.evidence().get(0))
                .containsExactly(Evidence.auditEntry(0), Evidence.auditEntry(1));
        assertThat(script.findings()).hasSize(2);
    }

    @Test
    void workingHoursAcrossMidnightAndAllDay() {
        WorkingHours night = new WorkingHours(
                java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 0), Set.of(java.time.DayOfWeek.MONDAY), ZONE);
        assertThat(night.contains(
                        LocalDate.of(2026, 6, 1).atTime(23, 0).atZone(ZONE).toInstant()))
                .isTrue();
        assertThat(night.contains(
                        LocalDate.of(2026, 6, 2).atTime(5, 0).atZone(ZONE).toInstant()))
                .isTrue();
        assertThat(night.contains(
                        LocalDate.of(2026, 6, 2).atTime(23, 0).atZone(ZONE).toInstant()))
                .isFalse();
        assertThat(night.contains(
                        LocalDate.of(2026, 6, 1).atTime(12, 0).atZone(ZONE).toInstant()))
                .isFalse();
        WorkingHours always = new WorkingHours(
                java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT, Set.of(java.time.DayOfWeek.values()), ZONE);
        assertThat(always.contains(
                        LocalDate.of(2026, 6, 6).atTime(3, 0).atZone(ZONE).toInstant()))
                .isTrue();
    }

    @Test
    void coveredReadsWithoutTheExpectedWorkOrderOrRequest() {
        Script script = script();
        script.read("tech0", "FIELD_TECHNICIAN", "meter:MG-1", "GRID_OPERATIONS", "");
        script.read("tech0", "FIELD_TECHNICIAN", "meter:MG-2", "GRID_OPERATIONS", "WO-7");
        script.read("csr0", CSR, "account:A-1", "CUSTOMER_SERVICE", "");
        script.read("operator0", "GRID_OPERATOR", "meter:MG-3", "GRID_OPERATIONS", "");

        assertThat(script.findings(FindingKind.READ_WITHOUT_BASIS))
                .extracting(Finding::subject, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user:tech0", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("user:csr0", Severity.CRITICAL));
        assertThat(script.findings()).hasSize(2);
    }

    @Test
    void repeatedFailedSignInsAndALockout() {
        Script script = script();
        for (int i = 0; i < 5; i++) {
            script.record("", "", "sign-in", "user:dave", "", "", "DENY", "203.0.113.9")
                    .advance(Duration.ofMinutes(2));
        }
        script.record("", "", "sign-in-locked", "user:dave", "", "", "DENY", "203.0.113.9");

        Finding repeated = script.findings(FindingKind.REPEATED_FAILED_SIGN_IN).get(0);
        assertThat(repeated.subject()).isEqualTo("user:dave");
        assertThat(repeated.evidence()).hasSize(5);
        assertThat(script.findings(FindingKind.ACCOUNT_LOCKED)).singleElement().satisfies(f -> assertThat(f.subject())
                .isEqualTo("user:dave"));
    }

    @Test
    void failedSignInsSpreadOverTheDayOrSuccessfulOnesRaiseNothing() {
        Script script = script();
        for (int i = 0; i < 8; i++) {
            script.record("erin", "", "sign-in", "user:erin", "", "", "DENY", "10.0.0.7")
                    .record("erin", CSR, "sign-in", "user:erin", "", "", "PERMIT", "10.0.0.7")
                    .advance(Duration.ofMinutes(50));
        }
        assertThat(script.findings()).isEmpty();
    }

    @Test
    void manyUsersFailingFromOneAddressIsASpray() {
        Script script = script();
        for (int i = 0; i < 20; i++) {
            script.record("", "", "sign-in", "user:u" + i, "", "", "DENY", "198.51.100.4")
                    .advance(Duration.ofSeconds(10));
        }
        assertThat(script.findings(FindingKind.SIGN_IN_SPRAY)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("address:198.51.100.4");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.evidence()).hasSize(20);
        });
        assertThat(script.findings(FindingKind.REPEATED_FAILED_SIGN_IN)).isEmpty();
    }

    @Test
    void anyTouchOfAHoneytokenIsCriticalAndVipReadsAreWarned() {
        Script script = script();
        script.record("admin", "PRIVACY_OFFICER", "flag-subject", HONEYTOKEN, "", "", "EXECUTED", "");
        script.record("vee", "SYSTEM", "estimate", HONEYTOKEN, "DATA_QUALITY", "", "EXECUTED", "");
        script.refused("snoop", "BILLING_ANALYST", HONEYTOKEN, "CUSTOMER_SERVICE", "");
        script.read("billing1", "BILLING_ANALYST", VIP, "BILLING", "");
        script.read("billing1", "BILLING_ANALYST", "account:A-5", "BILLING", "");

        Finding honey = script.findings(FindingKind.HONEYTOKEN_TOUCHED).get(0);
        assertThat(honey.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(honey.subject()).isEqualTo("user:snoop");
        assertThat(honey.evidence()).containsExactly(Evidence.auditEntry(2));
        assertThat(script.findings(FindingKind.HONEYTOKEN_TOUCHED)).hasSize(1);
        assertThat(script.findings(FindingKind.FLAGGED_ACCOUNT_READ))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly(Evidence.auditEntry(3)));
    }

    @Test
    void manyExportsWithinAnHourAreBulk() {
        Script script = script();
        for (int i = 0; i < 4; i++) {
            script.record("billing0", "BILLING_ANALYST", "export-determinants", "", "BILLING", "", "PERMIT", "")
                    .advance(Duration.ofMinutes(5));
        }
        assertThat(script.findings()).isEmpty();
        script.record(
                "billing0", "BILLING_ANALYST", "download-green-button", "account:A-9", "BILLING", "", "PERMIT", "");
        assertThat(script.findings(FindingKind.BULK_EXPORT)).singleElement().satisfies(f -> assertThat(f.evidence())
                .hasSize(5));
    }

    @Test
    void purposeOutsideTheRolesWorkAndRepeatedDenials() {
        Script script = script();
        script.read("billing0", "BILLING_ANALYST", "account:A-1", "GRID_OPERATIONS", "");
        assertThat(script.findings(FindingKind.PURPOSE_MISMATCH))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));

        Script denied = script();
        for (int i = 0; i < 4; i++) {
            denied.refused("csr1", CSR, "account:A-" + i, "CUSTOMER_SERVICE", "")
                    .advance(Duration.ofMinutes(10));
        }
        assertThat(denied.findings()).isEmpty();
        denied.refused("csr1", CSR, "account:A-9", "CUSTOMER_SERVICE", "");
        assertThat(denied.findings(FindingKind.REPEATED_DENIALS))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).hasSize(5));
    }

    @Test
    void accessWithTheOldRoleAfterARoleChange() {
        Script script = script();
        script.read("bob", "BILLING_ANALYST", "account:A-1", "BILLING", "")
                .advance(Duration.ofMinutes(10))
                .record("root", "ADMINISTRATOR", "role-changed", "user:bob", "", "", "EXECUTED", "")
                .advance(Duration.ofMinutes(10))
                .read("bob", CSR, "account:A-2", "CUSTOMER_SERVICE", "REQ-1");
        assertThat(script.findings()).isEmpty();
        script.read("bob", "BILLING_ANALYST", "account:A-3", "BILLING", "");
        assertThat(script.findings(FindingKind.ACCESS_AFTER_ROLE_CHANGE))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.evidence()).containsExactly(Evidence.auditEntry(1), Evidence.auditEntry(3)));
    }

    @Test
    void accessAfterTerminationAlsoAfterARestart() {
        Script script = script();
        script.read("carol", "BILLING_ANALYST", "account:A-1", "BILLING", "")
                .record("root", "ADMINISTRATOR", "user-disabled", "user:carol", "", "", "EXECUTED", "");
        UserChange disabled = script.observations().get(1).userChange().orElseThrow();
        assertThat(disabled.kind()).isEqualTo(UserChange.Kind.DISABLED);

        UnusualActivity restarted = detector();
        restarted.restore(List.of(), List.of(disabled));
        Script after = new Script(restarted, TUESDAY_10.plusSeconds(60));
        after.record("carol", "", "sign-in", "user:carol", "", "", "DENY", "10.0.0.9");
        after.read("carol", "BILLING_ANALYST", "account:A-2", "BILLING", "");

        assertThat(after.findings(FindingKind.ACCESS_AFTER_TERMINATION))
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING, Severity.CRITICAL);
        assertThat(after.findings(FindingKind.ACCESS_AFTER_TERMINATION).get(1).evidence())
                .contains(Evidence.auditEntry(1));
    }

    @Test
    void thirdPartyPullsOutsideTheirAuthorization() {
        Script script = script();
        script.read("solarco", "THIRD_PARTY", "account:A-1", "SECONDARY", "AUTH-1");
        script.read("contractor", "THIRD_PARTY", "account:A-3", "CONTRACTED_PROGRAM", "contract:C-9");
        assertThat(script.findings()).isEmpty();
        script.read("solarco", "THIRD_PARTY", "account:A-2", "SECONDARY", "AUTH-1")
                .read("evilco", "THIRD_PARTY", "account:A-1", "SECONDARY", "AUTH-1")
                .read("solarco", "THIRD_PARTY", "account:A-1", "SECONDARY", "AUTH-404")
                .advance(Duration.ofHours(3))
                .read("solarco", "THIRD_PARTY", "account:A-1", "SECONDARY", "AUTH-1");
        assertThat(script.findings(FindingKind.THIRD_PARTY_OUT_OF_SCOPE))
                .extracting(Finding::detail)
                .satisfiesExactly(
                        d -> assertThat(d).contains("does not cover account:A-2"),
                        d -> assertThat(d).contains("granted to solarco, not evilco"),
                        d -> assertThat(d).contains("no known authorization (AUTH-404)"),
                        d -> assertThat(d).contains("is valid"));
    }

    @Test
    void meterSecurityEventsBecomeFindingsWithTheirEvidence() {
        UnusualActivity detector = detector();
        Finding replay = detector.observe(new MeterSecurityEvent(
                Evidence.securityEvent(7),
                TUESDAY_10,
                MeterSecurityEvent.Kind.REPLAYED_COUNTER,
                "meter:MG-1",
                1,
                "counter 5 not above 9"));
        Finding burst = detector.observe(new MeterSecurityEvent(
                Evidence.securityEvent(8),
                TUESDAY_10,
                MeterSecurityEvent.Kind.AUTHENTICATION_FAILED,
                "meter:MG-1",
                60,
                "GCM tag did not verify"));
        Finding single = detector.observe(new MeterSecurityEvent(
                Evidence.securityEvent(9),
                TUESDAY_10,
                MeterSecurityEvent.Kind.AUTHENTICATION_FAILED,
                "meter:MG-2",
                1,
                "GCM tag did not verify"));
        Finding key = detector.observe(new MeterSecurityEvent(
                Evidence.keyChange("MG-1", 2),
                TUESDAY_10,
                MeterSecurityEvent.Kind.KEY_CHANGED,
                "meter:MG-1",
                1,
                "key version 2 issued"));

        assertThat(replay.kind()).isEqualTo(FindingKind.METER_REPLAY_ATTEMPT);
        assertThat(replay.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(replay.evidence()).containsExactly(Evidence.securityEvent(7));
        assertThat(burst.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(burst.detail()).contains("60 times");
        assertThat(single.severity()).isEqualTo(Severity.WARNING);
        assertThat(key.kind()).isEqualTo(FindingKind.METER_KEY_CHANGED);
        assertThat(key.evidence()).containsExactly(new Evidence(Evidence.Source.KEY_CHANGE, "MG-1:2"));
    }
}
