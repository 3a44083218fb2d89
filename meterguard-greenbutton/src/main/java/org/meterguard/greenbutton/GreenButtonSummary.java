package org.meterguard.greenbutton;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a whole Green Button file that was accepted.
 *
 * @param feed its UsagePoints and MeterReadings
 * @param readings how many interval readings the sink received
 * @param warnings the lenient choices made, in the order they arose
 */
public record GreenButtonSummary(GreenButtonFeed feed, long readings, List<GreenButtonWarning> warnings) {
    public GreenButtonSummary {
        Objects.requireNonNull(feed, "feed");
        warnings = List.copyOf(warnings);
    }
}
