package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * What the head-end recorded about meters and collectors: refused frames (aggregated, with their number of
 * occurrences), refused TLS handshakes, and key changes.
 *
 * @param evidence the security event row or key change this is
 * @param at when it was recorded
 * @param kind what happened
 * @param subject what it concerns: {@code meter:<id>}, {@code system-title:<hex>} or {@code collector:<peer>}
 * @param occurrences how many times it happened in the recorded burst, at least 1
 * @param detail the head-end's description
 */
public record MeterSecurityEvent(
        Evidence evidence, Instant at, Kind kind, String subject, long occurrences, String detail) {
    /** The kinds of meter security events. */
    public enum Kind {
        /** The GCM tag did not verify. */
        AUTHENTICATION_FAILED,
        /** A frame could not be deciphered, or was not authenticated and encrypted as required. */
        DECRYPTION_FAILED,
        /** A counter reused with different content. */
        REPLAYED_COUNTER,
        /** The notification named another device than its keys' owner. */
        DEVICE_MISMATCH,
        /** No registered meter has the system title. */
        UNKNOWN_METER,
        /** The TLS handshake failed. */
        HANDSHAKE_REFUSED,
        /** Floods, malformed or oversized frames. */
        FRAME_REFUSED,
        /** A new key version was issued for the meter. */
        KEY_CHANGED
    }

    public MeterSecurityEvent {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        if (occurrences < 1) {
            throw new IllegalArgumentException("a security event occurs at least once, not " + occurrences);
        }
    }
}
