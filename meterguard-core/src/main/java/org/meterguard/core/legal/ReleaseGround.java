package org.meterguard.core.legal;

/** Why a release under a legal demand may happen now; recorded with each release. */
public enum ReleaseGround {
    /** An emergency request: released at once, without notice. */
    EMERGENCY,
    /** An order, law or Commission order forbids notifying the customer: released without notice or waiting. */
    NOTICE_FORBIDDEN,
    /** A court or Commission order or a warrant: complied with as it stands, no contest period. */
    ORDER,
    /** The customer was notified and the contest period passed without a contest. */
    CONTEST_PERIOD_PASSED
}
