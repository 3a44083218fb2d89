package org.meterguard.server.headend.internal;

import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.server.meters.RegisteredMeter;

/**
 * A frame that verified and decrypted under its meter's keys, decoded into readings per channel; not yet
 * stored, and its counter not yet recorded.
 */
record VerifiedPush(
        RegisteredMeter meter,
        InvocationCounter invocationCounter,
        IntervalGrid grid,
        Map<Channel, List<IntervalReading>> readings) {
    VerifiedPush {
        readings = Map.copyOf(readings);
    }

    int readingCount() {
        return readings.values().stream().mapToInt(List::size).sum();
    }
}
