package org.meterguard.greenbutton;

import java.time.Duration;
import java.time.Instant;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.ReadingQuality;

/**
 * The checks every reading of one MeterReading must pass, and the rescaling of its values to the channel's unit.
 *
 * <ul>
 *   <li>The duration is positive and equals the interval: the ReadingType's intervalLength, or where it gives none,
 *       the duration of the series' first reading. A daily series (86,400 s) that has LocalTimeParameters may also
 *       hold days of 86,400 ∓ dstOffset seconds: local days across a daylight-saving change.
 *   <li>The interval is an {@link IntervalGrid} (whole minutes that divide a day) and every start lies on it, as
 *       {@link IntervalGrid#isAligned} decides. A daily series with LocalTimeParameters may instead start at local
 *       midnight, standard or daylight time (the DST rules are not interpreted): ESPI daily values are local days.
 *   <li>The value times 10^(ReadingType multiplier − channel multiplier) is an exact integer that fits a long.
 * </ul>
 */
final class SeriesRules {
    private static final long DAY = 86_400;

    final MeterReading series;
    private final ReadingQuality fallbackQuality;
    private final LocalTimeParameters localTime;
    private final long scale;
    private final boolean divide;
    private final int shift;
    private final boolean declared;
    private long interval;
    private IntervalGrid grid;

    SeriesRules(MeterReading series, ReadingQuality unstatedQuality) {
        this.series = series;
        ReadingType type = series.readingType();
        this.fallbackQuality = type.defaultQuality().isPresent()
                ? EspiQuality.ofCode(type.defaultQuality().getAsInt())
                : unstatedQuality;
        this.localTime = series.usagePoint().localTimeParameters().orElse(null);
        this.shift = type.powerOfTenMultiplier().orElse(0) - series.channel().powerOfTenMultiplier();
        this.scale = pow10(Math.abs(shift));
        this.divide = shift < 0;
        this.declared = type.intervalLength().isPresent();
        this.interval = type.intervalLength().orElse(0);
        this.grid = declared ? new IntervalGrid(Duration.ofSeconds(interval)) : null;
    }

    ReadingQuality fallbackQuality() {
        return fallbackQuality;
    }

    /** The checked duration; {@code xml} stands where the error is to be reported. */
    int duration(XmlCursor xml, long duration) {
        if (duration <= 0) {
            throw xml.reject("IntervalReading timePeriod duration " + duration + " is not positive");
        }
        if (grid == null) {
            try {
                grid = new IntervalGrid(Duration.ofSeconds(duration));
            } catch (IllegalArgumentException e) {
                throw xml.reject("IntervalReading timePeriod duration " + duration + " is not an interval grid: it"
                        + " must be whole minutes that divide a day evenly ("
                        + series.readingType().label()
                        + " has no intervalLength, so the first reading's duration sets the series' interval)");
            }
            interval = duration;
        }
        if (duration != interval && !isLocalDayAcrossDstChange(duration)) {
            throw xml.reject("IntervalReading timePeriod duration " + duration + " does not match "
                    + (declared ? "intervalLength " : "the series' interval (from its first reading) ") + interval
                    + " of " + series.readingType().label());
        }
        return (int) duration;
    }

    /** Checks that {@code start}, read at {@code line}, lies on the series' grid; call after {@link #duration}. */
    void start(int line, int column, long start) {
        if (start < Instant.MIN.getEpochSecond() || start > Instant.MAX.getEpochSecond()) {
            throw new ImportRejected(line, column, "IntervalReading timePeriod start " + start + " is out of range");
        }
        if (grid.isAligned(Instant.ofEpochSecond(start)) || isLocalMidnight(start)) {
            return;
        }
        throw new ImportRejected(
                line,
                column,
                "IntervalReading timePeriod start " + start + " (" + Instant.ofEpochSecond(start) + ") is not on the "
                        + interval + "-second interval grid of "
                        + series.readingType().label()
                        + (interval == DAY && localTime == null
                                ? " (no LocalTimeParameters to place local days)"
                                : ""));
    }

    /** The file's value in the channel's unit, or an error where that is not exact. */
    long value(XmlCursor xml, long raw) {
        if (shift == 0) {
            return raw;
        }
        if (divide && raw % scale != 0) {
            throw xml.reject("IntervalReading value " + raw + " of "
                    + series.readingType().label()
                    + " (powerOfTenMultiplier " + (shift + series.channel().powerOfTenMultiplier())
                    + ") cannot be rescaled exactly to " + series.channel() + " (powerOfTenMultiplier "
                    + series.channel().powerOfTenMultiplier() + ")");
        }
        if (divide) {
            return raw / scale;
        }
        try {
            return Math.multiplyExact(raw, scale);
        } catch (ArithmeticException e) {
            throw xml.reject("IntervalReading value " + raw + " × 10^" + shift + " of "
                    + series.readingType().label() + " does not fit a 64-bit integer");
        }
    }

    private boolean isLocalDayAcrossDstChange(long duration) {
        return interval == DAY
                && localTime != null
                && localTime.dstOffset() != 0
                && (duration == DAY - localTime.dstOffset() || duration == DAY + localTime.dstOffset());
    }

    private boolean isLocalMidnight(long start) {
        if (interval != DAY || localTime == null) {
            return false;
        }
        long standard = start + localTime.tzOffset();
        return Math.floorMod(standard, DAY) == 0 || Math.floorMod(standard + localTime.dstOffset(), DAY) == 0;
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
