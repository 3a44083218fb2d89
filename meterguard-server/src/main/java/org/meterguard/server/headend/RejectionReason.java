package org.meterguard.server.headend;

/** Why the head-end refused a frame. Kept inside: the sender is only told that it was refused. */
public enum RejectionReason {
    /** The bytes are not a well-formed wrapper frame, ciphered APDU or notification. */
    MALFORMED,
    /** No registered meter has the frame's system title. */
    UNKNOWN_METER,
    /** The frame is not both authenticated and encrypted. */
    UNPROTECTED,
    /** The invocation counter does not rise above the last one accepted: a replay. */
    REPLAYED_COUNTER,
    /** The GCM tag does not verify under the meter's keys: wrong key or altered frame. */
    AUTHENTICATION_FAILED,
    /** The notification names another device than the one whose keys protect it. */
    DEVICE_MISMATCH,
    /** Verified, but not a push this meter's model is configured to send. */
    UNEXPECTED_CONTENT,
    /** The meter or collector sent more frames than its rate limit allows: a flood. */
    RATE_LIMITED,
    /** A wrapper frame announced a payload longer than the head-end accepts; the connection is closed. */
    OVERSIZED
}
