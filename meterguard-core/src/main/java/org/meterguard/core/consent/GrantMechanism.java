package org.meterguard.core.consent;

/**
 * How a customer granted an authorization. The CPUC rules let a customer cancel it "by the same mechanism initially
 * used to grant" it, so a revocation must come the same way.
 */
public enum GrantMechanism {
    /** The customer, signed in to the portal (or a third party's Green Button Connect screen). */
    ONLINE,
    /** A signed paper form, entered by a customer-service representative. */
    SIGNED_FORM
}
