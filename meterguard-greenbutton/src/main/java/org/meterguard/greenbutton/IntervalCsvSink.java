package org.meterguard.greenbutton;

import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;

/**
 * Receives the rows of an interval CSV file while {@link IntervalCsvReader} streams through it. If the reader throws
 * {@link ImportRejected} after some rows have arrived, the sink must discard them: the file is rejected as a whole.
 */
@FunctionalInterface
public interface IntervalCsvSink {
    /**
     * One checked row.
     *
     * @param meter the row's meter
     * @param channel the row's channel; the value is in its unit and multiplier
     * @param grid the row's interval length, on which {@code reading.start()} is aligned
     * @param reading the interval's start, value and quality
     */
    void reading(MeterId meter, Channel channel, IntervalGrid grid, IntervalReading reading);
}
