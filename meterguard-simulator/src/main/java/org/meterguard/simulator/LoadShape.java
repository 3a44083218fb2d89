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
    private static final int RECENT = 1024;

    private final ZoneId zone;
    private final Duration interval;
    /**
     * What recent interval starts give every meter (a fleet pushes the same intervals): converting an instant to the
     * zone's local time, and the curve's exponentials and sine, cost more than the rest of a meter's day. Slots hold
     * immutable entries and are written without locks; a thread that misses or sees an older entry computes the same
     * value again.
     */
    private final LocalStart[] recent = new LocalStart[RECENT];

    public LoadShape(ZoneId zone, Duration interval) {
        this.zone = zone;
        this.interval = interval;
    }

    /**
     * An interval start in local time, and what every meter's load at it shares: the base load in kW before a
     * meter's noise (base, peaks and season), and the solar output in kW before a meter's noise.
     */
    private record LocalStart(long epochSecond, double baseKw, double solarKw) {}

    private LocalStart local(Instant start) {
        long second = start.getEpochSecond();
        int slot = (int) Math.floorMod(second / 60, (long) RECENT);
        LocalStart cached = recent[slot];
        if (cached != null && cached.epochSecond() == second) {
            return cached;
        }
        ZonedDateTime local = start.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double baseKw = 0.35 + peak(hour, 7.5, 1.2, 1.1) + peak(hour, 19.0, 2.5, 2.2) + seasonal(local);
        double solarKw = Math.max(0, 3.0 * Math.sin(Math.PI * (hour - 6.5) / 13.0) - 0.6);
        LocalStart computed = new LocalStart(second, baseKw, solarKw);
        recent[slot] = computed;
        return computed;
    }

    /** Energy delivered to the customer over the interval starting at {@code start}, in Wh. */
    public long importWh(SimulatedMeter meter, Instant start) {
        double kw = local(start).baseKw();
        kw *= 0.8 + 0.4 * noise(meter.seed(), start);
        return Math.round(kw * 1000 * interval.toSeconds() / 3600.0);
    }

    /** Energy received from the customer (solar) over the interval starting at {@code start}, in Wh. */
    public long exportWh(SimulatedMeter meter, Instant start) {
        if (Math.floorMod(meter.seed() >>> 7, 3) != 0) {
            return 0;
        }
        double kw = local(start).solarKw() * (0.7 + 0.3 * noise(meter.seed() ^ 0x5A5A, start));
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
