package org.meterguard.greenbutton;

import java.util.List;

/**
 * What a Green Button file holds besides the readings themselves, known after the metadata pass and before the first
 * reading.
 *
 * @param usagePoints every UsagePoint in the file, in document order
 * @param meterReadings the MeterReadings that have interval data, in document order; readings arrive for these only
 */
public record GreenButtonFeed(List<UsagePoint> usagePoints, List<MeterReading> meterReadings) {
    public GreenButtonFeed {
        usagePoints = List.copyOf(usagePoints);
        meterReadings = List.copyOf(meterReadings);
    }
}
