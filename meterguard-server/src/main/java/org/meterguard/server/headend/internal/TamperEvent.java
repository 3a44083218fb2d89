package org.meterguard.server.headend.internal;

import java.util.Optional;
import org.meterguard.server.alerts.Alert;

/** The meter events that are signs of tampering or theft, by the name the codec gives the event code. */
enum TamperEvent {
    METER_COVER_OPENED(Alert.Severity.CRITICAL),
    TERMINAL_COVER_OPENED(Alert.Severity.CRITICAL),
    STRONG_DC_FIELD_DETECTED(Alert.Severity.CRITICAL),
    FAILED_LOGIN_ATTEMPT(Alert.Severity.WARNING),
    CLOCK_INVALID(Alert.Severity.WARNING);

    private final Alert.Severity severity;

    TamperEvent(Alert.Severity severity) {
        this.severity = severity;
    }

    Alert.Severity severity() {
        return severity;
    }

    /**
     * The tamper sign an event is, if any, matched on the name of its standard code (e.g. "METER_COVER_OPENED").
     * Reverse energy has no standard event code; it shows as export on a meter that should have none.
     */
    static Optional<TamperEvent> of(MeterEventRecord event) {
        if (event.kind() == null) {
            return Optional.empty();
        }
        for (TamperEvent tamper : values()) {
            if (event.kind().equals(tamper.name())) {
                return Optional.of(tamper);
            }
        }
        return Optional.empty();
    }
}
