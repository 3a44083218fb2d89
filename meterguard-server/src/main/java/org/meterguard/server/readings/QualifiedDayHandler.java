package org.meterguard.server.readings;

import java.time.LocalDate;
import org.meterguard.core.Channel;

/**
 * Receives one meter's stored day rows with each slot's ESPI quality, as they are read. {@code values} holds one
 * slot per interval of {@code intervalSeconds}, {@link DayRowHandler#MISSING} where a slot is empty;
 * {@code qualities} the slot's ESPI quality code. Both arrays are reused for the next row: read them, never keep
 * them.
 */
@FunctionalInterface
public interface QualifiedDayHandler {
    void row(Channel channel, LocalDate day, int intervalSeconds, long[] values, short[] qualities);
}
