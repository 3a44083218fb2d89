package org.meterguard.core.detection;

/** Why an account is watched. */
public enum FlagKind {
    /** An employee's own account: colleagues' curiosity is a classic insider risk. */
    EMPLOYEE,
    /** A public figure's or otherwise sensitive account. */
    VIP,
    /** A decoy no legitimate task touches: any touch is treated as an incident. */
    HONEYTOKEN
}
