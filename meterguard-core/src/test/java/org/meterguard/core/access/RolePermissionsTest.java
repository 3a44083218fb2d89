package org.meterguard.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.meterguard.core.StaffRole;

class RolePermissionsTest {

    @Test
    void administratorManagesUsersAndAssignmentsButReadsNoCoveredInformation() {
        assertThat(RolePermissions.of(StaffRole.ADMINISTRATOR))
                .contains(Permission.MANAGE_USERS, Permission.MANAGE_ASSIGNMENTS)
                .noneMatch(Permission::coveredRead);
    }

    @Test
    void securityAuditorReadsTheAuditLogButNotTheDataItIsAbout() {
        assertThat(RolePermissions.of(StaffRole.SECURITY_AUDITOR))
                .contains(Permission.READ_AUDIT_LOG)
                .noneMatch(Permission::coveredRead)
                .doesNotContain(Permission.MANAGE_USERS, Permission.MANAGE_ASSIGNMENTS);
    }

    @Test
    void onlyTheSecurityAuditorReadsTheAuditLog() {
        assertThat(RolePermissions.holding(Permission.READ_AUDIT_LOG)).containsExactly(StaffRole.SECURITY_AUDITOR);
    }

    @Test
    void noPermissionAltersOrDeletesTheAuditLog() {
        assertThat(Arrays.stream(Permission.values()).map(Enum::name))
                .filteredOn(name -> name.contains("AUDIT"))
                .containsExactly("READ_AUDIT_LOG");
    }

    @Test
    void whoeverManagesUsersOrAssignmentsReadsNoCoveredInformation() {
        for (StaffRole role : StaffRole.values()) {
            boolean manages = RolePermissions.grants(role, Permission.MANAGE_USERS)
                    || RolePermissions.grants(role, Permission.MANAGE_ASSIGNMENTS)
                    || RolePermissions.grants(role, Permission.READ_AUDIT_LOG);
            if (manages) {
                assertThat(RolePermissions.of(role)).as(role.name()).noneMatch(Permission::coveredRead);
            }
        }
    }

    @Test
    void fieldTechniciansDoNotOpenTheirOwnWorkOrders() {
        assertThat(RolePermissions.holding(Permission.MANAGE_WORK_ORDERS)).containsExactly(StaffRole.GRID_OPERATOR);
    }

    @Test
    void trainingIsRecordedByThePrivacyOfficerAlone() {
        assertThat(RolePermissions.holding(Permission.MANAGE_TRAINING)).containsExactly(StaffRole.PRIVACY_OFFICER);
    }

    @Test
    void onlyBillingAnalystsEditReadings() {
        assertThat(RolePermissions.holding(Permission.EDIT_READINGS)).containsExactly(StaffRole.BILLING_ANALYST);
    }

    @Test
    void everyRoleThatReadsUsageHasAPurposeToDeclare() {
        for (StaffRole role : RolePermissions.holding(Permission.READ_USAGE)) {
            assertThat(Arrays.stream(org.meterguard.core.PurposeOfUse.values()).anyMatch(role::mayDeclare))
                    .as(role.name())
                    .isTrue();
        }
    }

    @Test
    void everyPermissionIsHeldBySomeRole() {
        for (Permission permission : Permission.values()) {
            assertThat(RolePermissions.holding(permission))
                    .as(permission.name())
                    .isNotEmpty();
        }
    }
}
