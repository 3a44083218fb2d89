package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.server.meters.RegisteredMeter;
import org.meterguard.server.readings.IntervalDay;

/** A meter frame that passed the head-end's checks and goes to the store: fresh and decrypted, or stale. */
sealed interface Incoming {
    RegisteredMeter meter();

    InvocationCounter counter();

    GcmTag tag();

    /** The collector it came through, or null for a direct connection. */
    String collector();

    /**
     * A frame whose counter rose above the mark of the key version that verified and decrypted it, with what it
     * carries. Not yet stored; its counter not yet recorded.
     */
    record Fresh(
            RegisteredMeter meter,
            int keyVersion,
            InvocationCounter counter,
            GcmTag tag,
            String collector,
            Instant receivedAt,
            List<IntervalDay> days,
            List<MeterEventRecord> events,
            int readingCount)
            implements Incoming {
        public Fresh {
            Objects.requireNonNull(meter, "meter");
            days = List.copyOf(days);
            events = List.copyOf(events);
        }
    }

    /**
     * A frame whose counter does not rise above an accepted key version's mark and that no other accepted version
     * decrypts: a retransmission of a stored frame (the same tag is on record) or a replay. Not decrypted.
     */
    record Stale(RegisteredMeter meter, InvocationCounter counter, GcmTag tag, String collector) implements Incoming {}
}
