package org.meterguard.core.detection;

import java.util.List;

/**
 * Meters' security events feed the same alerting: failed authentications (critical in a large burst), failed
 * decryption or unprotected frames, replayed counters and forged device names (critical), unknown meters,
 * refused handshakes, floods and malformed frames, and key changes.
 */
final class MeterSecurityRule {
    private final DetectionSettings settings;

    MeterSecurityRule(DetectionSettings settings) {
        this.settings = settings;
    }

    Finding observe(MeterSecurityEvent event) {
        FindingKind kind;
        Severity severity;
        switch (event.kind()) {
            case AUTHENTICATION_FAILED -> {
                kind = FindingKind.METER_AUTHENTICATION_FAILURE;
                severity = event.occurrences() >= settings.authenticationFailureBurst()
                        ? Severity.CRITICAL
                        : Severity.WARNING;
            }
            case DECRYPTION_FAILED -> {
                kind = FindingKind.METER_DECRYPTION_FAILURE;
                severity = Severity.WARNING;
            }
            case REPLAYED_COUNTER -> {
                kind = FindingKind.METER_REPLAY_ATTEMPT;
                severity = Severity.CRITICAL;
            }
            case DEVICE_MISMATCH -> {
                kind = FindingKind.METER_FRAME_FORGED;
                severity = Severity.CRITICAL;
            }
            case UNKNOWN_METER -> {
                kind = FindingKind.UNKNOWN_METER;
                severity = Severity.WARNING;
            }
            case HANDSHAKE_REFUSED -> {
                kind = FindingKind.COLLECTOR_HANDSHAKE_REFUSED;
                severity = Severity.WARNING;
            }
            case KEY_CHANGED -> {
                kind = FindingKind.METER_KEY_CHANGED;
                severity = Severity.INFO;
            }
            default -> {
                kind = FindingKind.METER_FRAMES_REFUSED;
                severity = Severity.INFO;
            }
        }
        String times = event.occurrences() == 1 ? "" : " (" + event.occurrences() + " times)";
        return new Finding(
                kind, severity, event.subject(), event.detail() + times, event.at(), List.of(event.evidence()));
    }
}
