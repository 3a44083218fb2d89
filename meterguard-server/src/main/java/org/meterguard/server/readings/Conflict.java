package org.meterguard.server.readings;

import java.time.Instant;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;

/** A re-sent interval whose value differs from the stored one, which was kept. */
public record Conflict(
        MeterId meterId,
        Channel channel,
        Instant intervalStart,
        long storedValue,
        short storedQuality,
        long receivedValue,
        Instant receivedAt) {}
