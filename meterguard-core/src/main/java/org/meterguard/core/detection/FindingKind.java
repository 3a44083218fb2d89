package org.meterguard.core.detection;

/** What a finding is about; the alert kind it raises. */
public enum FindingKind {
    /** One user read many customers' data within an hour, above their own and their peers' baseline. */
    BULK_ACCESS,
    /** Covered information read by a member of staff outside working hours. */
    OFF_HOURS_ACCESS,
    /** A covered read permitted without the work order or request its purpose or role expects. */
    READ_WITHOUT_BASIS,
    /** Several failed sign-ins of one user within the window. */
    REPEATED_FAILED_SIGN_IN,
    /** A user's account was locked after failed sign-ins. */
    ACCOUNT_LOCKED,
    /** Many failed sign-ins from one client address, whichever users they named. */
    SIGN_IN_SPRAY,
    /** A flagged account (an employee's or a VIP's) was touched. */
    FLAGGED_ACCOUNT_READ,
    /** A honeytoken account, which no legitimate task touches, was touched. */
    HONEYTOKEN_TOUCHED,
    /** Many exports or downloads by one user within an hour. */
    BULK_EXPORT,
    /** A role declared a purpose outside its work. */
    PURPOSE_MISMATCH,
    /** Several refused reads by one user within an hour. */
    REPEATED_DENIALS,
    /** Access with the role a user held before their role was changed. */
    ACCESS_AFTER_ROLE_CHANGE,
    /** Access by a user after their account was disabled. */
    ACCESS_AFTER_TERMINATION,
    /** A third party pulled data outside its authorization's scope or period. */
    THIRD_PARTY_OUT_OF_SCOPE,
    /** Frames whose GCM tag did not verify under the meter's keys: wrong keys or altered frames. */
    METER_AUTHENTICATION_FAILURE,
    /** Frames that could not be deciphered or were not protected as required. */
    METER_DECRYPTION_FAILURE,
    /** A frame reused an invocation counter with different content: a replay attempt. */
    METER_REPLAY_ATTEMPT,
    /** A frame named another device than the one whose keys protect it. */
    METER_FRAME_FORGED,
    /** Frames from a system title no registered meter has. */
    UNKNOWN_METER,
    /** A client failed the head-end's mutual TLS handshake. */
    COLLECTOR_HANDSHAKE_REFUSED,
    /** A meter or collector flooded the head-end past its rate limit, or sent malformed or oversized frames. */
    METER_FRAMES_REFUSED,
    /** A meter's ciphering keys were changed. */
    METER_KEY_CHANGED
}
