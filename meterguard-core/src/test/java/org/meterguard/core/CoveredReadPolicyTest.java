package org.meterguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoveredReadPolicyTest {

    @Test
    void permitsARoleReadingForItsOwnPrimaryPurpose() {
        assertThat(CoveredReadPolicy.decide(StaffRole.GRID_OPERATOR, PurposeOfUse.GRID_OPERATIONS, "")
                        .permitted())
                .isTrue();
        assertThat(CoveredReadPolicy.decide(StaffRole.BILLING_ANALYST, PurposeOfUse.BILLING, null)
                        .permitted())
                .isTrue();
    }

    @Test
    void deniesAPurposeOutsideTheRole() {
        AccessDecision decision = CoveredReadPolicy.decide(StaffRole.GRID_OPERATOR, PurposeOfUse.BILLING, "");
        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).contains("GRID_OPERATOR", "BILLING");
    }

    @Test
    void deniesAdministratorsAndAuditorsEveryPurpose() {
        for (PurposeOfUse purpose : PurposeOfUse.values()) {
            assertThat(CoveredReadPolicy.decide(StaffRole.ADMINISTRATOR, purpose, "case-1")
                            .permitted())
                    .isFalse();
            assertThat(CoveredReadPolicy.decide(StaffRole.SECURITY_AUDITOR, purpose, "case-1")
                            .permitted())
                    .isFalse();
        }
    }

    @Test
    void requiresABasisWhereThePurposeNeedsOne() {
        StaffRole representative = StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE;
        assertThat(CoveredReadPolicy.decide(representative, PurposeOfUse.CUSTOMER_SERVICE, " ")
                        .reason())
                .contains("needs a basis");
        assertThat(CoveredReadPolicy.decide(representative, PurposeOfUse.CUSTOMER_SERVICE, "REQ-7")
                        .permitted())
                .isTrue();
    }

    @Test
    void neverLetsStaffDeclareASecondaryPurpose() {
        for (StaffRole role : StaffRole.values()) {
            assertThat(CoveredReadPolicy.decide(role, PurposeOfUse.SECONDARY, "AUTH-1")
                            .permitted())
                    .isFalse();
        }
    }
}
