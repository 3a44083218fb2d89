package org.meterguard.dlms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a meter's event log: when it happened and its event code, kept as the raw number so that
 * manufacturer-specific and unknown codes survive; {@link #known()} names the listed ones.
 *
 * @param at when the meter logged the event
 * @param code the event code, 0..65535
 */
public record MeterEvent(Instant at, int code) {
    public MeterEvent {
        Objects.requireNonNull(at, "at");
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("event code " + code + " out of range 0..65535");
        }
    }

    /** An event with a listed code. */
    public static MeterEvent of(Instant at, MeterEventCode code) {
        return new MeterEvent(at, code.code());
    }

    /** The listed code, or empty when the code is manufacturer-specific or unknown. */
    public Optional<MeterEventCode> known() {
        return MeterEventCode.of(code);
    }
}
