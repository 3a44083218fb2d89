package org.meterguard.core.legal;

/** Where a legal demand stands. Only an OPEN demand is a basis for a read or a release. */
public enum LegalDemandStatus {
    /** Received and in force: data may be released under it when the rules allow. */
    OPEN,
    /** The customer contests it: nothing is released until the contest is resolved. */
    CONTESTED,
    /** Quashed or withdrawn: nothing is released under it, ever. */
    QUASHED,
    /** Answered and closed. */
    CLOSED
}
