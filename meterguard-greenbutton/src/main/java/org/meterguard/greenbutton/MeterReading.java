package org.meterguard.greenbutton;

import java.util.Objects;
import org.meterguard.core.Channel;

/**
 * One series of interval readings in a Green Button file: an ESPI MeterReading with its ReadingType, the UsagePoint it
 * belongs to and the Meterguard {@link Channel} its values are delivered in.
 *
 * @param href the MeterReading entry's {@code self} link; empty where it has none
 * @param usagePoint the UsagePoint the MeterReading's {@code up} link leads to
 * @param readingType what the file's values measure and how they are scaled
 * @param channel the channel the reader rescales every value to
 * @param line the line of the MeterReading element
 */
public record MeterReading(String href, UsagePoint usagePoint, ReadingType readingType, Channel channel, int line) {
    public MeterReading {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(usagePoint, "usagePoint");
        Objects.requireNonNull(readingType, "readingType");
        Objects.requireNonNull(channel, "channel");
    }
}
