package org.meterguard.core.rates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * A meter's (or an account's) import and export interval data in memory, as the store's UTC day rows, with each
 * value's quality: the source of a year of bills on every plan of a rate comparison, read once. Export is metered
 * where any export row was put. Rows summed up to an hourly grid (for hourly demand) are made on first use and
 * kept. Immutable once built; thread-safe.
 */
public final class IntervalRows implements DeterminantsSource {
    private final MeterId meter;
    private final IntervalGrid grid;
    private final Map<LocalDate, long[]> imports;
    private final Map<LocalDate, long[]> exports;
    private final Map<LocalDate, ReadingQuality[]> importQuality;
    private final Map<LocalDate, ReadingQuality[]> exportQuality;
    private final Map<IntervalGrid, IntervalRows> coarser = new ConcurrentHashMap<>();

    private IntervalRows(Builder builder) {
        this.meter = builder.meter;
        this.grid = builder.grid;
        this.imports = Map.copyOf(builder.imports);
        this.exports = Map.copyOf(builder.exports);
        this.importQuality = Map.copyOf(builder.importQuality);
        this.exportQuality = Map.copyOf(builder.exportQuality);
    }

    /** A builder of rows on {@code grid}, named after {@code meter} in the determinants. */
    public static Builder builder(MeterId meter, IntervalGrid grid) {
        return new Builder(meter, grid);
    }

    @Override
    public IntervalGrid grid() {
        return grid;
    }

    /** Whether any export row was put. */
    public boolean exportMetered() {
        return !exports.isEmpty();
    }

    @Override
    public Determinants determinants(TouCalendar calendar, BillingPeriod period) {
        if (!calendar.grid().equals(grid)) {
            return coarser.computeIfAbsent(calendar.grid(), this::summedTo).determinants(calendar, period);
        }
        DeterminantsAccumulator accumulator = calendar.accumulator(period);
        accumulator.start(meter, exportMetered());
        for (LocalDate day : accumulator.utcDays()) {
            long[] in = imports.get(day);
            if (in != null) {
                accumulator.addDay(Channel.ACTIVE_ENERGY_IMPORT, day, in);
            }
            long[] out = exports.get(day);
            if (out != null) {
                accumulator.addDay(Channel.ACTIVE_ENERGY_EXPORT, day, out);
            }
        }
        return accumulator.finish();
    }

    /**
     * How the values of intervals starting in {@code [from, to)} came to be, over both channels: how many were
     * estimated, edited, or not (yet) validated.
     */
    public DataQuality quality(Instant from, Instant to) {
        int[] counts = new int[ReadingQuality.values().length];
        for (Map<LocalDate, ReadingQuality[]> rows : java.util.List.of(importQuality, exportQuality)) {
            for (LocalDate day = grid.dayOf(from); !grid.startOf(day, 0).isAfter(to); day = day.plusDays(1)) {
                ReadingQuality[] row = rows.get(day);
                for (int slot = 0; row != null && slot < row.length; slot++) {
                    Instant start = grid.startOf(day, slot);
                    if (row[slot] != null && !start.isBefore(from) && start.isBefore(to)) {
                        counts[row[slot].ordinal()]++;
                    }
                }
            }
        }
        return new DataQuality(
                counts[ReadingQuality.ESTIMATED_LINEAR.ordinal()]
                        + counts[ReadingQuality.ESTIMATED_REFERENCE_DAY.ordinal()],
                counts[ReadingQuality.EDITED.ordinal()],
                counts[ReadingQuality.RAW.ordinal()] + counts[ReadingQuality.QUESTIONABLE.ordinal()]);
    }

    /**
     * The quality of a span of data, in intervals over import and export.
     *
     * @param estimated values estimated (linear or reference day)
     * @param edited values a person entered
     * @param unvalidated values not yet validated, or questionable
     */
    public record DataQuality(int estimated, int edited, int unvalidated) {}

    /** These rows summed up to {@code target}: an interval is missing where any of its parts is. */
    private IntervalRows summedTo(IntervalGrid target) {
        long factor = target.interval().getSeconds() / grid.interval().getSeconds();
        if (factor < 1 || target.interval().getSeconds() % grid.interval().getSeconds() != 0) {
            throw new IllegalArgumentException(
                    "data on the " + grid.interval() + " grid cannot be summed up to " + target.interval());
        }
        Builder summed = new Builder(meter, target);
        imports.forEach((day, row) -> summed.imports.put(day, sum(row, (int) factor)));
        exports.forEach((day, row) -> summed.exports.put(day, sum(row, (int) factor)));
        return new IntervalRows(summed);
    }

    private static long[] sum(long[] row, int factor) {
        long[] summed = new long[row.length / factor];
        for (int i = 0; i < summed.length; i++) {
            long total = 0;
            for (int j = i * factor; j < (i + 1) * factor && total != DeterminantsAccumulator.MISSING; j++) {
                total = row[j] == DeterminantsAccumulator.MISSING ? DeterminantsAccumulator.MISSING : total + row[j];
            }
            summed[i] = total;
        }
        return summed;
    }

    /** Collects rows; not thread-safe. */
    public static final class Builder {
        private final MeterId meter;
        private final IntervalGrid grid;
        private final Map<LocalDate, long[]> imports = new TreeMap<>();
        private final Map<LocalDate, long[]> exports = new TreeMap<>();
        private final Map<LocalDate, ReadingQuality[]> importQuality = new HashMap<>();
        private final Map<LocalDate, ReadingQuality[]> exportQuality = new HashMap<>();

        private Builder(MeterId meter, IntervalGrid grid) {
            this.meter = Objects.requireNonNull(meter, "meter");
            this.grid = Objects.requireNonNull(grid, "grid");
        }

        /**
         * Puts the interval of {@code channel} (energy import or export) starting at {@code start} with
         * {@code wh} of quality {@code quality}; a later put of the same interval replaces it.
         */
        public Builder put(Channel channel, Instant start, long wh, ReadingQuality quality) {
            LocalDate day = grid.dayOf(start);
            int slot = grid.slotOf(start);
            row(channel == Channel.ACTIVE_ENERGY_EXPORT ? exports : importsOf(channel), day)[slot] = wh;
            qualities(channel == Channel.ACTIVE_ENERGY_EXPORT ? exportQuality : importQuality, day)[slot] =
                    Objects.requireNonNull(quality, "quality");
            return this;
        }

        private Map<LocalDate, long[]> importsOf(Channel channel) {
            if (channel != Channel.ACTIVE_ENERGY_IMPORT) {
                throw new IllegalArgumentException("channel " + channel
                        + " is not billed; rows take ACTIVE_ENERGY_IMPORT and ACTIVE_ENERGY_EXPORT");
            }
            return imports;
        }

        private long[] row(Map<LocalDate, long[]> rows, LocalDate day) {
            return rows.computeIfAbsent(day, d -> {
                long[] row = new long[grid.slotsPerDay()];
                Arrays.fill(row, DeterminantsAccumulator.MISSING);
                return row;
            });
        }

        private ReadingQuality[] qualities(Map<LocalDate, ReadingQuality[]> rows, LocalDate day) {
            return rows.computeIfAbsent(day, d -> new ReadingQuality[grid.slotsPerDay()]);
        }

        public IntervalRows build() {
            return new IntervalRows(this);
        }
    }
}
