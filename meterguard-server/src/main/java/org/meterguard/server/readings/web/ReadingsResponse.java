package org.meterguard.server.readings.web;

import java.time.Instant;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;

/** The JSON shape of a readings response: the channel's reading type once, then the readings. */
record ReadingsResponse(
        String meterId,
        String channel,
        int uom,
        int powerOfTenMultiplier,
        int flowDirection,
        Instant from,
        Instant to,
        List<Reading> readings) {

    /** One interval: its start, its value in the channel's unit and multiplier, and its quality. */
    record Reading(Instant start, long value, String quality, int qualityCode) {}

    static ReadingsResponse of(MeterId meter, Channel channel, TimeRange range, List<IntervalReading> readings) {
        return new ReadingsResponse(
                meter.value(),
                channel.name(),
                channel.uom(),
                channel.powerOfTenMultiplier(),
                channel.flowDirection(),
                range.from(),
                range.to(),
                readings.stream()
                        .map(r -> new Reading(
                                r.start(),
                                r.value(),
                                r.quality().name(),
                                r.quality().espiCode()))
                        .toList());
    }
}
