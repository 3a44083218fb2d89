package org.meterguard.server.meters;

import java.util.Objects;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.SystemTitle;

/**
 * A meter as the head-end needs it to accept a frame: identity, model, the current key version's unwrapped keys
 * and the highest invocation counter accepted so far (as read when the meter was looked up).
 *
 * @param meterId the utility's meter id
 * @param systemTitle its DLMS system title
 * @param model selects the layout of its pushes
 * @param keyVersion the version of {@code keys}
 * @param keys the unwrapped keys; redacted in {@code toString}
 * @param highestAccepted the high-water mark, or {@code null} before the first frame
 */
public record RegisteredMeter(
        MeterId meterId,
        SystemTitle systemTitle,
        String model,
        int keyVersion,
        CipheringKeys keys,
        InvocationCounter highestAccepted) {
    public RegisteredMeter {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(systemTitle, "systemTitle");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(keys, "keys");
    }

    /** True where {@code counter} rises above everything accepted so far. */
    public boolean isFresh(InvocationCounter counter) {
        return highestAccepted == null || counter.isAfter(highestAccepted);
    }
}
