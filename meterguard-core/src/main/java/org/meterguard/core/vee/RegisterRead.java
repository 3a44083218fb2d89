package org.meterguard.core.vee;

import java.time.Instant;
import java.util.Objects;

/**
 * A reading of a meter's cumulative register (e.g. total Wh delivered) at one instant, in the channel's unit. Two
 * reads bound the intervals whose sum should equal the register's advance.
 *
 * @param at when the register was read; compared only when on the interval grid
 * @param value the register's value
 */
public record RegisterRead(Instant at, long value) {
    public RegisterRead {
        Objects.requireNonNull(at, "at");
    }
}
