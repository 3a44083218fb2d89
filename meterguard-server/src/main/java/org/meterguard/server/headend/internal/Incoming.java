package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.RegisterValue;
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
            Content content)
            implements Incoming {
        public Fresh {
            Objects.requireNonNull(meter, "meter");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * What a fresh frame carries: interval days from a load profile, events from an event log, or register reads.
     *
     * @param days interval values per channel and UTC day
     * @param events event-log entries
     * @param registers register reads
     * @param readingCount the number of readings (profile entries, events or register values) it carried
     */
    record Content(
            List<IntervalDay> days, List<MeterEventRecord> events, List<RegisterValue> registers, int readingCount) {
        public Content {
            days = List.copyOf(days);
            events = List.copyOf(events);
            registers = List.copyOf(registers);
        }
    }

    /**
     * A frame whose counter does not rise above an accepted key version's mark and that no other accepted version
     * decrypts: a retransmission of a stored frame (the same tag is on record) or a replay. Not decrypted.
     */
    record Stale(RegisteredMeter meter, InvocationCounter counter, GcmTag tag, String collector) implements Incoming {}
}
