package org.meterguard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Deterministic residential load shapes: a base load, a morning and an evening peak in the meter's local time,
 * seasonal heating and cooling, noise, and for some meters rooftop solar. The same meter and interval always
 * give the same value, so a re-sent interval is identical and the store can recognise it.
 */
public final class LoadShape {
    private final ZoneId zone;
    private final Duration interval;

    public LoadShape(ZoneId zone, Duration interval) {
        this.zone = zone;
        this.interval = interval;
    }

    /** Energy delivered to the customer over the interval starting at {@code start}, in Wh. */
    public long importWh(SimulatedMeter meter, Instant start) {
        ZonedDateTime local = start.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double kw = 0.35 + peak(hour, 7.5, 1.2, 1.1) + peak(hour, 19.0, 2.5, 2.2) + seasonal(local);
        kw *= 0.8 + 0.4 * noise(meter.seed(), start);
        return Math.round(kw * 1000 * interval.toSeconds() / 3600.0);
    }

    /** Energy received from the customer (solar) over the interval starting at {@code start}, in Wh. */
    public long exportWh(SimulatedMeter meter, Instant start) {
        if (Math.floorMod(meter.seed() >>> 7, 3) != 0) {
            return 0;
        }
        ZonedDateTime local = start.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double kw = Math.max(0, 3.0 * Math.sin(Math.PI * (hour - 6.5) / 13.0)) - 0.6;
        kw = Math.max(0, kw) * (0.7 + 0.3 * noise(meter.seed() ^ 0x5A5A, start));
        return Math.round(kw * 1000 * interval.toSeconds() / 3600.0);
    }

    private static double peak(double hour, double centre, double width, double height) {
        double d = (hour - centre) / width;
        return height * Math.exp(-d * d);
    }

    private static double seasonal(ZonedDateTime local) {
        double yearAngle = 2 * Math.PI * (local.getDayOfYear() - 15) / 365.0;
        return 0.4 * Math.abs(Math.cos(yearAngle));
    }

    /** A value in [0, 1) from the meter and the instant, stable across runs. */
    private static double noise(long seed, Instant start) {
        long x = seed ^ (start.getEpochSecond() * 0xBF58476D1CE4E5B9L);
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x = x ^ (x >>> 31);
        return (x >>> 11) / (double) (1L << 53);
    }
}
