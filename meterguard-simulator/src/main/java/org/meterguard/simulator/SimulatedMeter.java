package org.meterguard.simulator;

import java.util.Objects;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.SystemTitle;

/**
 * One simulated meter: its id, system title and the keys it holds in its own memory, as a real meter would.
 *
 * @param meterId the utility's meter id
 * @param systemTitle its DLMS system title
 * @param keys its ciphering keys; redacted in {@code toString}
 */
public record SimulatedMeter(String meterId, SystemTitle systemTitle, CipheringKeys keys) {
    public SimulatedMeter {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(systemTitle, "systemTitle");
        Objects.requireNonNull(keys, "keys");
    }

    /** A stable number derived from the meter, seeding its load shape. */
    long seed() {
        return systemTitle.value() * 0x9E3779B97F4A7C15L;
    }
}
