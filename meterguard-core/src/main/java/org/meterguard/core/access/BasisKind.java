package org.meterguard.core.access;

import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;

/**
 * What a read's basis names, and so where the server checks it: a work order on the meter, the customer's service
 * request, a program contract, a legal demand, or the customer's own authorization (for secondary purposes).
 */
public enum BasisKind {
    WORK_ORDER("work order"),
    SERVICE_REQUEST("service request"),
    PROGRAM_CONTRACT("program contract"),
    LEGAL_DEMAND("legal demand"),
    CUSTOMER_AUTHORIZATION("customer authorization");

    private final String label;

    BasisKind(String label) {
        this.label = label;
    }

    /** How a person calls it, e.g. "work order". */
    public String label() {
        return label;
    }

    /**
     * The kind of basis {@code role} must name when reading for {@code purpose}, or null when none is needed. A
     * field technician reads only under a work order on the meter, even for grid operations.
     */
    public static BasisKind requiredFor(StaffRole role, PurposeOfUse purpose) {
        switch (purpose) {
            case CUSTOMER_SERVICE:
                return SERVICE_REQUEST;
            case CONTRACTED_PROGRAM:
                return PROGRAM_CONTRACT;
            case LEGAL_REQUIREMENT:
                return LEGAL_DEMAND;
            case SECONDARY:
                return CUSTOMER_AUTHORIZATION;
            case GRID_OPERATIONS:
                return role == StaffRole.FIELD_TECHNICIAN ? WORK_ORDER : null;
            default:
                return null;
        }
    }
}
