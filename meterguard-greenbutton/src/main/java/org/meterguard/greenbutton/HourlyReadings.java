package org.meterguard.greenbutton;

import java.io.IOException;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * Passes readings on as hourly sums, for a party authorized for hourly data only: the readings of a meter and channel
 * whose intervals start within one UTC hour become one reading of that hour (3600 s) whose value is their sum and
 * whose quality is VALID only where all of theirs are (else the first other quality met). Readings of an hour or
 * longer are refused, as are readings that cross an hour. An hour is released with the sum of the readings stored
 * in it, even where some of its quarter-hours are missing.
 */
public final class HourlyReadings implements UsageWriter {
    private static final int HOUR = 3600;

    private final UsageWriter next;
    private MeterId meter;
    private Channel channel;
    private long hour = Long.MIN_VALUE;
    private long sum;
    private ReadingQuality quality = ReadingQuality.VALID;

    /** Sums into hours what is then written to {@code next}. */
    public HourlyReadings(UsageWriter next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void usagePoint(ExportedUsagePoint point) throws IOException {
        flush();
        next.usagePoint(point);
    }

    @Override
    public void reading(MeterId of, Channel in, long start, int durationSeconds, long value, ReadingQuality q)
            throws IOException {
        long startHour = Math.floorDiv(start, HOUR) * HOUR;
        if (durationSeconds >= HOUR || start + durationSeconds > startHour + HOUR) {
            throw new IllegalArgumentException("a reading of " + durationSeconds + " s at " + start
                    + " does not lie within one hour; only shorter intervals are summed into hours");
        }
        if (startHour != hour || !of.equals(meter) || in != channel) {
            flush();
            meter = of;
            channel = in;
            hour = startHour;
        }
        sum += value;
        if (quality == ReadingQuality.VALID) {
            quality = q;
        }
    }

    private void flush() throws IOException {
        if (meter != null) {
            next.reading(meter, channel, hour, HOUR, sum, quality);
        }
        meter = null;
        channel = null;
        hour = Long.MIN_VALUE;
        sum = 0;
        quality = ReadingQuality.VALID;
    }

    @Override
    public void finish() throws IOException {
        flush();
        next.finish();
    }
}
