package org.meterguard.greenbutton;

import org.meterguard.core.ReadingQuality;

/**
 * Receives a Green Button file's content while {@link GreenButtonReader} streams through it: first {@link #begin}
 * with the metadata, then every interval reading in document order. Nothing of the file is kept by the reader beyond
 * its metadata, so what the sink does with a reading is the only copy.
 *
 * <p>If the reader throws {@link ImportRejected} after some readings have arrived, the file is rejected as a whole and
 * the sink must discard what it received (e.g. by importing inside one transaction that the exception rolls back).
 */
public interface GreenButtonSink {
    /** Called once, after the metadata pass and before any reading. */
    default void begin(GreenButtonFeed feed) {}

    /**
     * One interval reading, checked and rescaled, called on the reading thread as soon as its end tag is read. It
     * comes as primitives, so a sink that only counts or copies need not allocate per reading.
     *
     * @param series the MeterReading it belongs to (one of {@link GreenButtonFeed#meterReadings()})
     * @param start the interval's start, UTC epoch seconds ({@code timePeriod/start})
     * @param durationSeconds the interval's length in seconds ({@code timePeriod/duration}), positive
     * @param value the value in {@code series.channel()}'s unit and power-of-ten multiplier
     * @param quality the reading's quality (see {@link GreenButtonReader} for how it is chosen)
     */
    void reading(MeterReading series, long start, int durationSeconds, long value, ReadingQuality quality);

    /** A lenient choice the reader made; called as it arises. All warnings are also in the summary. */
    default void warning(GreenButtonWarning warning) {}
}
