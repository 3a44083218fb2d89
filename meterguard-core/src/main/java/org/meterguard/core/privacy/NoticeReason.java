package org.meterguard.core.privacy;

/** Why a customer was given the notice; the notice log records one of these with each notice given. */
public enum NoticeReason {
    /** The first notice to a new account. */
    NEW_ACCOUNT,
    /** A new version took effect since the customer was last given it. */
    CHANGED_VERSION,
    /** A year passed since the customer was last given it. */
    ANNUAL
}
