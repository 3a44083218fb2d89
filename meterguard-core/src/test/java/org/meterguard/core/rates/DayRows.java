package org.meterguard.core.rates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;

/** One channel of one meter as the store returns it: per UTC day, slot values and presence flags. */
final class DayRows {
    final Map<LocalDate, long[]> values = new LinkedHashMap<>();
    final Map<LocalDate, boolean[]> present = new LinkedHashMap<>();

    /** Rows for {@code days}, slot values from {@code value} and present where {@code isPresent}. */
    static DayRows of(
            Iterable<LocalDate> days, ToLongFunction<Instant> value, Predicate<Instant> isPresent, IntervalGrid grid) {
        DayRows rows = new DayRows();
        for (LocalDate day : days) {
            long[] v = new long[grid.slotsPerDay()];
            boolean[] p = new boolean[grid.slotsPerDay()];
            for (int slot = 0; slot < v.length; slot++) {
                Instant start = grid.startOf(day, slot);
                p[slot] = isPresent.test(start);
                // A missing slot holds a large value, so counting it anywhere would show.
                v[slot] = p[slot] ? value.applyAsLong(start) : 1_000_000_000L;
            }
            rows.values.put(day, v);
            rows.present.put(day, p);
        }
        return rows;
    }

    void feed(DeterminantsAccumulator accumulator, Channel channel) {
        values.forEach((day, v) -> accumulator.addDay(channel, day, v, present.get(day)));
    }

    /** Feeds the rows in the fast form, {@link DeterminantsAccumulator#MISSING} in the empty slots. */
    void feedWithSentinel(DeterminantsAccumulator accumulator, Channel channel) {
        values.forEach((day, v) -> {
            long[] row = v.clone();
            boolean[] p = present.get(day);
            for (int slot = 0; slot < row.length; slot++) {
                row[slot] = p[slot] ? row[slot] : DeterminantsAccumulator.MISSING;
            }
            accumulator.addDay(channel, day, row);
        });
    }

    boolean isPresent(Instant start, IntervalGrid grid) {
        boolean[] p = present.get(grid.dayOf(start));
        return p != null && p[grid.slotOf(start)];
    }

    long value(Instant start, IntervalGrid grid) {
        return values.get(grid.dayOf(start))[grid.slotOf(start)];
    }
}
