package org.meterguard.greenbutton;

import java.io.IOException;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * Writes a customer's interval data out as it streams past, for Green Button Download My Data: {@link
 * GreenButtonWriter} (ESPI Atom XML) or {@link IntervalCsvWriter} (CSV). Nothing is kept beyond the current interval
 * block and a running sum per summary period, so a download of any length takes the same memory.
 *
 * <p>Call {@link #usagePoint} for each service point, then its readings channel by channel, each channel's readings
 * in time order; then {@link #finish}. The writer never closes the stream it writes to.
 */
public interface UsageWriter {
    /** Starts the next usage point; the readings that follow belong to it. */
    void usagePoint(ExportedUsagePoint point) throws IOException;

    /**
     * One interval reading of the current usage point.
     *
     * @param meter the meter that measured it
     * @param channel what it measures; its value is in the channel's unit and power-of-ten multiplier
     * @param start the interval's start, UTC epoch seconds
     * @param durationSeconds the interval's length
     * @param value the value
     * @param quality its quality
     * @throws IllegalArgumentException if the reading starts before the end of the previous one of its series
     */
    void reading(MeterId meter, Channel channel, long start, int durationSeconds, long value, ReadingQuality quality)
            throws IOException;

    /** Completes the document and flushes it to the stream (which stays open). */
    void finish() throws IOException;
}
