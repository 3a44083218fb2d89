package org.meterguard.core;

/**
 * Why covered information is read. Under the CPUC privacy rules (D.11-07-056, Attachment D) a primary purpose
 * may proceed without the customer's separate consent; a secondary purpose needs the customer's own, revocable
 * authorization. Some purposes must name a basis (a work order, an authorization, a legal demand).
 */
public enum PurposeOfUse {
    /** Billing the customer for service. */
    BILLING(true, false),
    /** Operating, planning and troubleshooting the grid. */
    GRID_OPERATIONS(true, false),
    /** Answering the customer's own request; names the request. */
    CUSTOMER_SERVICE(true, true),
    /** A demand-response or efficiency program under contract; names the contract. */
    CONTRACTED_PROGRAM(true, true),
    /** A subpoena, court order or other legal demand; names the demand. */
    LEGAL_REQUIREMENT(true, true),
    /** Anything else; needs the customer's authorization, named as the basis. */
    SECONDARY(false, true);

    private final boolean primary;
    private final boolean basisRequired;

    PurposeOfUse(boolean primary, boolean basisRequired) {
        this.primary = primary;
        this.basisRequired = basisRequired;
    }

    /** True for the primary purposes the rules allow without separate consent. */
    public boolean isPrimary() {
        return primary;
    }

    /** True where a read for this purpose must name its basis. */
    public boolean requiresBasis() {
        return basisRequired;
    }
}
