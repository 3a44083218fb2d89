package org.meterguard.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;

class PolicyDecisionPointTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final TrainingRecord CURRENT = new TrainingRecord(TODAY.minusMonths(3), TODAY.plusMonths(9));

    private static AccessRequest read(StaffRole role, Permission permission, PurposeOfUse purpose) {
        return AccessRequest.coveredRead(role, permission, Scope.CUSTOMER, purpose, TODAY)
                .withTraining(CURRENT);
    }

    private static AccessRequest usage(StaffRole role, PurposeOfUse purpose) {
        return read(role, Permission.READ_USAGE, purpose);
    }

    private static BasisCheck basis(BasisKind kind, BasisCheck.Status status) {
        return new BasisCheck(kind, "B-1", status);
    }

    @Test
    void deniesACallerWithoutAStaffRole() {
        AccessDecision decision = PolicyDecisionPoint.decide(AccessRequest.action(null, Permission.READ_ALERTS, TODAY));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.disclosure()).isEqualTo(Disclosure.NONE);
        assertThat(decision.reason()).contains("no staff role");
    }

    @Test
    void deniesAnActionTheRoleDoesNotHoldAndNamesThePermission() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                AccessRequest.action(StaffRole.BILLING_ANALYST, Permission.RUN_RETENTION, TODAY));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("BILLING_ANALYST", "RUN_RETENTION");
    }

    @Test
    void permitsAnActionTheRoleHoldsWithoutPurposeOrTraining() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                AccessRequest.action(StaffRole.PRIVACY_OFFICER, Permission.RUN_RETENTION, TODAY));
        assertThat(decision.permitted()).isTrue();
        assertThat(decision.reason()).contains("RUN_RETENTION");
    }

    @Test
    void decidesEveryActionOfEveryRoleExactlyByItsGrants() {
        for (StaffRole role : StaffRole.values()) {
            for (Permission permission : Permission.values()) {
                if (!permission.coveredRead()) {
                    assertThat(PolicyDecisionPoint.decide(AccessRequest.action(role, permission, TODAY))
                                    .permitted())
                            .as(role + " " + permission)
                            .isEqualTo(RolePermissions.grants(role, permission));
                }
            }
        }
    }

    @Test
    void permitsARoleReadingForItsOwnPrimaryPurpose() {
        AccessDecision billing = PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING));
        AccessDecision operations = PolicyDecisionPoint.decide(
                read(StaffRole.GRID_OPERATOR, Permission.READ_GRID_DATA, PurposeOfUse.GRID_OPERATIONS));
        assertThat(billing.permitted()).isTrue();
        assertThat(billing.disclosure()).isEqualTo(Disclosure.IDENTIFIED);
        assertThat(operations.permitted()).isTrue();
    }

    @Test
    void administratorAndAuditorReadNoCoveredInformationForAnyPurposeOrBasis() {
        for (StaffRole role : new StaffRole[] {StaffRole.ADMINISTRATOR, StaffRole.SECURITY_AUDITOR}) {
            for (PurposeOfUse purpose : PurposeOfUse.values()) {
                for (BasisKind kind : BasisKind.values()) {
                    AccessDecision decision = PolicyDecisionPoint.decide(usage(role, purpose)
                            .withBasis(basis(kind, BasisCheck.Status.VALID))
                            .withAssignedScope(true));
                    assertThat(decision.permitted()).as(role + " " + purpose).isFalse();
                    assertThat(decision.reason()).contains(role.name());
                }
            }
        }
    }

    @Test
    void deniesAPurposeOutsideTheRole() {
        AccessDecision decision = PolicyDecisionPoint.decide(usage(StaffRole.GRID_OPERATOR, PurposeOfUse.BILLING));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("GRID_OPERATOR", "BILLING");
    }

    @Test
    void deniesACoveredReadWithoutAPurpose() {
        AccessDecision decision = PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, null));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("declares a purpose");
    }

    @Test
    void deniesEveryCoveredReadToStaffWithoutTrainingOnRecord() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING).withTraining(null));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("no privacy training");
    }

    @Test
    void aSystemActingInARoleNeedsNoTrainingButEverythingElseOfThatRole() {
        AccessRequest untrained =
                usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING).withTraining(null);
        assertThat(PolicyDecisionPoint.decide(untrained.bySystem()).permitted()).isTrue();
        AccessDecision wrongPurpose = PolicyDecisionPoint.decide(
                usage(StaffRole.BILLING_ANALYST, PurposeOfUse.GRID_OPERATIONS).bySystem());
        assertThat(wrongPurpose.permitted()).isFalse();
        assertThat(wrongPurpose.reason()).contains("BILLING_ANALYST", "GRID_OPERATIONS");
    }

    @Test
    void deniesEveryCoveredReadToStaffWhoseTrainingExpiredAndSaysWhen() {
        TrainingRecord expired = new TrainingRecord(TODAY.minusYears(1), TODAY.minusDays(1));
        AccessDecision decision = PolicyDecisionPoint.decide(
                usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING).withTraining(expired));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("expired on " + TODAY.minusDays(1));
    }

    @Test
    void trainingCountsThroughItsLastDayAndNotBeforeItsCompletion() {
        TrainingRecord endsToday = new TrainingRecord(TODAY.minusYears(1), TODAY);
        TrainingRecord future = new TrainingRecord(TODAY.plusDays(1), TODAY.plusYears(1));
        assertThat(PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING)
                                .withTraining(endsToday))
                        .permitted())
                .isTrue();
        AccessDecision early = PolicyDecisionPoint.decide(
                usage(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING).withTraining(future));
        assertThat(early.permitted()).isFalse();
        assertThat(early.reason()).contains("counts only from");
    }

    @Test
    void trainingIsNotNeededForActionsThatReadNoCoveredInformation() {
        assertThat(PolicyDecisionPoint.decide(
                                AccessRequest.action(StaffRole.BILLING_ANALYST, Permission.EDIT_READINGS, TODAY))
                        .permitted())
                .isTrue();
    }

    @Test
    void rejectsATrainingRecordThatEndsBeforeItBegins() {
        assertThatThrownBy(() -> new TrainingRecord(TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TODAY.minusDays(1).toString());
    }

    @Test
    void secondaryPurposeNeedsTheCustomersValidAuthorization() {
        AccessDecision none = PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, PurposeOfUse.SECONDARY));
        AccessDecision revoked = PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, PurposeOfUse.SECONDARY)
                .withBasis(basis(BasisKind.CUSTOMER_AUTHORIZATION, BasisCheck.Status.CLOSED)));
        assertThat(none.permitted()).isFalse();
        assertThat(none.reason()).contains("customer's valid authorization", "needs a basis");
        assertThat(revoked.permitted()).isFalse();
        assertThat(revoked.reason()).contains("customer authorization 'B-1'", "no longer open or valid");
    }

    @Test
    void aValidAuthorizationDoesNotLetStaffDeclareASecondaryPurposeTheirRoleLacks() {
        AccessDecision decision = PolicyDecisionPoint.decide(usage(StaffRole.BILLING_ANALYST, PurposeOfUse.SECONDARY)
                .withBasis(basis(BasisKind.CUSTOMER_AUTHORIZATION, BasisCheck.Status.VALID)));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("may not read covered information for SECONDARY");
    }

    @Test
    void customerServiceNeedsAnOpenServiceRequestForThatAccount() {
        StaffRole csr = StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE;
        AccessRequest request = usage(csr, PurposeOfUse.CUSTOMER_SERVICE).withAssignedScope(true);
        assertThat(PolicyDecisionPoint.decide(request).reason()).contains("needs a basis: the id of a service request");
        assertThat(PolicyDecisionPoint.decide(
                                request.withBasis(basis(BasisKind.SERVICE_REQUEST, BasisCheck.Status.UNKNOWN)))
                        .reason())
                .contains("no service request on record");
        assertThat(PolicyDecisionPoint.decide(
                                request.withBasis(basis(BasisKind.SERVICE_REQUEST, BasisCheck.Status.OTHER_RESOURCE)))
                        .reason())
                .contains("does not cover this customer");
        assertThat(PolicyDecisionPoint.decide(
                                request.withBasis(basis(BasisKind.SERVICE_REQUEST, BasisCheck.Status.CLOSED)))
                        .permitted())
                .isFalse();
        AccessDecision valid = PolicyDecisionPoint.decide(
                request.withBasis(basis(BasisKind.SERVICE_REQUEST, BasisCheck.Status.VALID)));
        assertThat(valid.permitted()).isTrue();
        assertThat(valid.reason()).contains("service request 'B-1'");
    }

    @Test
    void aBasisOfTheWrongKindDoesNotServe() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                usage(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE, PurposeOfUse.CUSTOMER_SERVICE)
                        .withAssignedScope(true)
                        .withBasis(basis(BasisKind.WORK_ORDER, BasisCheck.Status.VALID)));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("service request");
    }

    @Test
    void representativeReadsOnlyAccountsInTheirQueueOrTerritory() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                usage(StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE, PurposeOfUse.CUSTOMER_SERVICE)
                        .withBasis(basis(BasisKind.SERVICE_REQUEST, BasisCheck.Status.VALID))
                        .withAssignedScope(false));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("queue or territory");
    }

    @Test
    void fieldTechnicianReadsOnlyUnderAnOpenWorkOrderAssignedToThem() {
        AccessRequest request =
                read(StaffRole.FIELD_TECHNICIAN, Permission.READ_GRID_DATA, PurposeOfUse.GRID_OPERATIONS);
        assertThat(PolicyDecisionPoint.decide(request).reason()).contains("the id of a work order");
        AccessDecision someoneElses = PolicyDecisionPoint.decide(
                request.withBasis(basis(BasisKind.WORK_ORDER, BasisCheck.Status.NOT_ASSIGNED)));
        assertThat(someoneElses.permitted()).isFalse();
        assertThat(someoneElses.reason()).contains("not assigned to you");
        assertThat(PolicyDecisionPoint.decide(request.withBasis(basis(BasisKind.WORK_ORDER, BasisCheck.Status.CLOSED)))
                        .permitted())
                .isFalse();
        assertThat(PolicyDecisionPoint.decide(request.withBasis(basis(BasisKind.WORK_ORDER, BasisCheck.Status.VALID)))
                        .permitted())
                .isTrue();
    }

    @Test
    void gridOperatorNeedsNoWorkOrderForOperations() {
        assertThat(BasisKind.requiredFor(StaffRole.GRID_OPERATOR, PurposeOfUse.GRID_OPERATIONS))
                .isNull();
        assertThat(BasisKind.requiredFor(StaffRole.FIELD_TECHNICIAN, PurposeOfUse.GRID_OPERATIONS))
                .isEqualTo(BasisKind.WORK_ORDER);
    }

    @Test
    void legalRequirementNeedsAnOpenLegalDemandForThatAccount() {
        AccessRequest request = usage(StaffRole.PRIVACY_OFFICER, PurposeOfUse.LEGAL_REQUIREMENT);
        assertThat(PolicyDecisionPoint.decide(request).permitted()).isFalse();
        assertThat(PolicyDecisionPoint.decide(
                                request.withBasis(basis(BasisKind.LEGAL_DEMAND, BasisCheck.Status.OTHER_RESOURCE)))
                        .permitted())
                .isFalse();
        assertThat(PolicyDecisionPoint.decide(request.withBasis(basis(BasisKind.LEGAL_DEMAND, BasisCheck.Status.VALID)))
                        .permitted())
                .isTrue();
    }

    @Test
    void everyPurposeThatNeedsABasisNamesItsKind() {
        for (PurposeOfUse purpose : PurposeOfUse.values()) {
            for (StaffRole role : StaffRole.values()) {
                assertThat(BasisKind.requiredFor(role, purpose) != null || !purpose.requiresBasis())
                        .as(role + " " + purpose)
                        .isTrue();
            }
        }
    }

    @Test
    void anAreaReadDisclosesPseudonymsOnly() {
        AccessDecision decision = PolicyDecisionPoint.decide(AccessRequest.coveredRead(
                        StaffRole.GRID_OPERATOR,
                        Permission.READ_GRID_DATA,
                        Scope.AREA,
                        PurposeOfUse.GRID_OPERATIONS,
                        TODAY)
                .withTraining(CURRENT));
        assertThat(decision.permitted()).isTrue();
        assertThat(decision.disclosure()).isEqualTo(Disclosure.PSEUDONYMIZED);
        assertThat(decision.reason()).contains("pseudonymized");
    }

    @Test
    void aFieldTechnicianHasNoWorkOrderOnAnArea() {
        AccessDecision decision = PolicyDecisionPoint.decide(AccessRequest.coveredRead(
                        StaffRole.FIELD_TECHNICIAN,
                        Permission.READ_GRID_DATA,
                        Scope.AREA,
                        PurposeOfUse.GRID_OPERATIONS,
                        TODAY)
                .withTraining(CURRENT));
        assertThat(decision.permitted()).isFalse();
    }

    @Test
    void aPermissionOutsideTheRoleIsDeniedEvenForItsPurpose() {
        AccessDecision decision = PolicyDecisionPoint.decide(
                read(StaffRole.BILLING_ANALYST, Permission.READ_GRID_DATA, PurposeOfUse.BILLING));
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("READ_GRID_DATA");
    }

    @Test
    void aDecisionAlwaysCarriesAReasonAndDisclosesNothingWhenDenied() {
        assertThatThrownBy(() -> new AccessDecision(false, " ", Disclosure.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessDecision(false, "no", Disclosure.IDENTIFIED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessDecision(true, "yes", Disclosure.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCoveredPermissionCannotBeAskedAsAPlainAction() {
        assertThatThrownBy(() -> AccessRequest.action(StaffRole.GRID_OPERATOR, Permission.READ_USAGE, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("READ_USAGE");
    }

    @Test
    void aBasisStatusOtherThanNotGivenNeedsAnId() {
        assertThatThrownBy(() -> new BasisCheck(BasisKind.WORK_ORDER, " ", BasisCheck.Status.VALID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasisCheck(BasisKind.WORK_ORDER, "WO-1", BasisCheck.Status.NOT_GIVEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
