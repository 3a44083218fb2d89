package org.meterguard.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a member of staff is employed to do, and so which purposes of use they may declare when reading covered
 * information. Least privilege: an administrator manages users and roles but reads no customer's usage; a
 * security auditor reads the audit log, not the data it is about.
 */
public enum StaffRole {
    CUSTOMER_SERVICE_REPRESENTATIVE(EnumSet.of(PurposeOfUse.CUSTOMER_SERVICE)),
    BILLING_ANALYST(EnumSet.of(PurposeOfUse.BILLING)),
    FIELD_TECHNICIAN(EnumSet.of(PurposeOfUse.GRID_OPERATIONS)),
    GRID_OPERATOR(EnumSet.of(PurposeOfUse.GRID_OPERATIONS)),
    PRIVACY_OFFICER(EnumSet.of(PurposeOfUse.LEGAL_REQUIREMENT)),
    SECURITY_AUDITOR(EnumSet.noneOf(PurposeOfUse.class)),
    ADMINISTRATOR(EnumSet.noneOf(PurposeOfUse.class));

    private final Set<PurposeOfUse> purposes;

    StaffRole(Set<PurposeOfUse> purposes) {
        this.purposes = purposes;
    }

    /** True where this role may read covered information for {@code purpose}. */
    public boolean mayDeclare(PurposeOfUse purpose) {
        return purposes.contains(purpose);
    }
}
