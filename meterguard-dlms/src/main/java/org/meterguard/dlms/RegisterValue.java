package org.meterguard.dlms;

import java.time.Instant;
import java.util.Objects;

/**
 * One register read pushed by a meter: the register's logical name, its raw value, the scaler and unit that give it
 * meaning ({@code value × 10^scaler unit}) and when the value was captured.
 *
 * @param obis the register's logical name
 * @param value the raw value as transmitted
 * @param scaler power of ten, -128..127
 * @param unit DLMS unit enumeration, 0..255
 * @param capturedAt capture time, millisecond precision
 */
public record RegisterValue(Obis obis, long value, int scaler, int unit, Instant capturedAt) {
    public RegisterValue {
        Objects.requireNonNull(obis, "obis");
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (scaler < -128 || scaler > 127) {
            throw new IllegalArgumentException("register scaler " + scaler + " out of range -128..127");
        }
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("register unit " + unit + " out of range 0..255");
        }
        if (capturedAt.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("capture instant " + capturedAt + " is finer than a millisecond");
        }
    }
}
