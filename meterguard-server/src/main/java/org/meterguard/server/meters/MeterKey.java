package org.meterguard.server.meters;

import java.util.Objects;
import org.meterguard.dlms.CipheringKeys;

/**
 * One version of a meter's ciphering keys, unwrapped for the head-end.
 *
 * @param version 1, 2, … in order of creation
 * @param status whether frames under it are accepted and whether it is the one in use
 * @param keys the EK and AK; {@link CipheringKeys} redacts them in {@code toString}
 */
public record MeterKey(int version, Status status, CipheringKeys keys) {
    /** Where a key version is in its life. */
    public enum Status {
        /** Issued and sent to the meter; accepted, and becomes ACTIVE when the meter first uses it. */
        PENDING,
        /** The version the meter uses. */
        ACTIVE,
        /** Replaced; frames under it are refused. */
        RETIRED
    }

    public MeterKey {
        if (version < 1) {
            throw new IllegalArgumentException("key version " + version + " must be at least 1");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keys, "keys");
    }
}
