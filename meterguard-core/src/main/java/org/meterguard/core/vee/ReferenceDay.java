package org.meterguard.core.vee;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.meterguard.core.ReadingQuality;

/**
 * Like-day estimates: the typical profile's value for the slot's profile slot and day type (the median of prior
 * like days), scaled to the level of the day being estimated. The scale of a local day is the sum of that day's
 * valid and edited values over the sum of the typical values at the same slots, so a day running 10% above its
 * typical level is estimated 10% above typical too. With fewer than {@link #MIN_SCALING_SLOTS} such slots, or a
 * typical sum that is not positive, or a negative actual sum, the typical value is used unscaled. Each estimate
 * is {@code typical × actual ÷ typicalSum}, rounded half up.
 */
final class ReferenceDay {
    /** The fewest valid slots of a day that set its scale: one hour of quarter-hours. */
    static final int MIN_SCALING_SLOTS = 4;

    private final IntervalSeries series;
    private final Optional<TypicalProfile> profile;
    private final Map<LocalDate, Scale> scales = new HashMap<>();

    ReferenceDay(IntervalSeries series, Optional<TypicalProfile> profile) {
        this.series = series;
        this.profile = profile;
    }

    /** True where slot {@code i} exists and holds a value an estimate may lean on: valid or edited. */
    static boolean isAnchor(IntervalSeries series, int i) {
        return i >= 0
                && i < series.size()
                && series.isPresent(i)
                && (series.quality(i) == ReadingQuality.VALID || series.quality(i) == ReadingQuality.EDITED);
    }

    /** The estimate for slot {@code i}, or empty without a typical value there. */
    OptionalLong estimate(int i) {
        OptionalLong typical = typical(i);
        if (typical.isEmpty()) {
            return OptionalLong.empty();
        }
        Scale scale = scaleOf(series.localDate(i));
        return OptionalLong.of(Arithmetic.divideHalfUp(
                Arithmetic.multiplySaturated(typical.getAsLong(), scale.actual()), scale.typical()));
    }

    /** Why slot {@code i} got its estimate, for its revision. */
    String reason(int i) {
        Scale scale = scaleOf(series.localDate(i));
        return "reference day: median of prior " + series.dayType(i) + " days at that time of day, scaled by "
                + scale.actual() + "/" + scale.typical() + " (the day's valid values over their typical values)";
    }

    private OptionalLong typical(int i) {
        return profile.map(p -> p.typical(series.dayType(i), series.profileSlot(i)))
                .orElse(OptionalLong.empty());
    }

    private Scale scaleOf(LocalDate date) {
        return scales.computeIfAbsent(date, this::computeScale);
    }

    private Scale computeScale(LocalDate date) {
        long actual = 0;
        long typical = 0;
        int slots = 0;
        for (int i = 0; i < series.size(); i++) {
            OptionalLong expected = typical(i);
            if (isAnchor(series, i)
                    && expected.isPresent()
                    && series.localDate(i).equals(date)) {
                actual = Arithmetic.addSaturated(actual, series.value(i));
                typical = Arithmetic.addSaturated(typical, expected.getAsLong());
                slots++;
            }
        }
        return slots >= MIN_SCALING_SLOTS && typical > 0 && actual >= 0 ? new Scale(actual, typical) : Scale.NONE;
    }

    /** The factor {@code actual / typical} a day's typical values are multiplied by. */
    private record Scale(long actual, long typical) {
        static final Scale NONE = new Scale(1, 1);
    }
}
