package org.meterguard.server.headend.internal;

import java.util.Optional;
import org.meterguard.server.alerts.Alert;

/** The meter events that are signs of tampering or theft, by the name the codec gives the event code. */
enum TamperEvent {
    METER_COVER_OPENED(Alert.Severity.CRITICAL),
    TERMINAL_COVER_OPENED(Alert.Severity.CRITICAL),
    STRONG_MAGNETIC_FIELD(Alert.Severity.CRITICAL),
    REVERSE_ENERGY(Alert.Severity.WARNING),
    CLOCK_INVALID(Alert.Severity.WARNING);

    private final Alert.Severity severity;

    TamperEvent(Alert.Severity severity) {
        this.severity = severity;
    }

    Alert.Severity severity() {
        return severity;
    }

    /** The tamper sign an event is, if any (matched on the event's name, e.g. "METER_COVER_OPENED"). */
    static Optional<TamperEvent> of(MeterEventRecord event) {
        if (event.kind() == null) {
            return Optional.empty();
        }
        for (TamperEvent tamper : values()) {
            if (event.kind().startsWith(tamper.name())) {
                return Optional.of(tamper);
            }
        }
        return Optional.empty();
    }
}
