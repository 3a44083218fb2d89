package org.meterguard.core.thirdparty;

/** Why all disclosure to a third party ceased. */
public enum CutOffReason {
    /** Its breaches reached the configured pattern-of-breach threshold. */
    PATTERN_OF_BREACH,
    /** The privacy officer decided it. */
    PRIVACY_OFFICER_DECISION
}
