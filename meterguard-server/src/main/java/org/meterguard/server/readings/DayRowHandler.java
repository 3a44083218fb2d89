package org.meterguard.server.readings;

import java.time.LocalDate;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;

/**
 * Receives stored day rows as they stream from the store, one at a time. {@code values} holds one slot per
 * interval, {@link #MISSING} where a slot has no value; it is reused for the next row, so read it, never keep it.
 */
@FunctionalInterface
public interface DayRowHandler {
    /** The mark of a slot without a value (the billing determinants' own sentinel). */
    long MISSING = Long.MIN_VALUE;

    void row(MeterId meter, Channel channel, LocalDate day, long[] values);
}
